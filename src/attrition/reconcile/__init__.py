"""Reconcile: many reports of one claim become one cluster."""
