module example.com/blind5/agentctl

go 1.26.0
