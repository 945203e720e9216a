"""The org's Salesforce metadata (SFDX source or Metadata API format), read safely."""
