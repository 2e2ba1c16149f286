"""The Slack edge: a thin Bolt app that asks the engine and delivers its Answer in the thread."""
