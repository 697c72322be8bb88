module github.com/ory/dockertest/v3

go 1.22
