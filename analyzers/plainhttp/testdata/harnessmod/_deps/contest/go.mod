module github.com/acme/contest

go 1.22
