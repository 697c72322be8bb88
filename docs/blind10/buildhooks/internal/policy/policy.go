// Package policy decides what a dashboard user may do on a repository.
package policy

import (
	"strings"

	"example.com/blind10/buildhooks/internal/store"
)

// rolesFor lists the organisation roles that grant each action.
var rolesFor = map[string][]string{
	"runs:read":     {"admin", "maintainer", "member"},
	"pipelines:run": {"admin", "maintainer"},
	"secrets:write": {"admin"},
}

// Can reports whether u may perform action on repo ("owner/name"), by u's role in the owner org.
func Can(u *store.User, action, repo string) bool {
	org, _, _ := strings.Cut(repo, "/")
	role, ok := u.Orgs[org]
	if !ok {
		return false
	}
	for _, r := range rolesFor[action] {
		if r == role {
			return true
		}
	}
	return false
}
