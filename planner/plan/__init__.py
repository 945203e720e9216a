"""Reading a plan: source text, YAML events with positions, the model, validation, schema export.

May import only the shared leaves (errors, findings, pointers, limits, resources, phrases).
"""
