"""The audit log: who signed in, changed roles or two-factor settings, published; and its viewer."""
