"""Tenancy: which portal a request, job or command works for, and the rules that keep them apart."""
