"""Answer -> a surface: terminal text, Slack mrkdwn, the JSON contract, PNG charts."""
