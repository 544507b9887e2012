"""Thin routers: each parses HTTP and calls one plain function."""
