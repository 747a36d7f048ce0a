"""Prefect orchestration of factlint: the flow (pipeline.py) and its scheduled deployment (deploy.py)."""
