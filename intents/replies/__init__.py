"""What a handler returns and the pieces every reply is built from: Answer, wording, chart specs."""
