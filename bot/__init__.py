"""The edges: command line, Slack, rendering and charts over the intents engine."""
