"""aeplan: plan and lint the Salesforce ↔ Account Engagement connector."""

__version__ = "0.1.0"
