// Package revtoken logs the bare Token fields of token types: one its
// package holds only as a consistency requirement or revision (a
// position in a datastore's history, no credential), one named a
// revision token, and credential token types.
package revtoken

import (
	"log"

	"revapi"
)

// Near miss: the requested revision of a consistency requirement.
func requested(c *revapi.Consistency) {
	if r := c.GetAtLeastAsFresh(); r != nil {
		log.Printf("zedtoken %s references another datastore", r.Token)
	}
}

// Near miss: the revision a check was evaluated at.
func checkedAt(resp *revapi.CheckResponse) {
	log.Printf("checked at %s", resp.CheckedAt.Token)
}

// Near miss: a type named a revision token.
func named(t *revapi.RevisionToken) {
	log.Printf("revision %s", t.Token)
}

// Near miss: the token handed to a function by itself.
func param(t *revapi.ReadToken) {
	log.Printf("read at %v", t.Token)
}

// Positive: a bearer token type held under a credential name.
func bearer(c *revapi.Credentials) {
	log.Printf("bearer %s", c.Bearer.Token) // want `reaches log.Printf`
}

// Positive: a type held by a revision record beside other fields.
func issued(r *revapi.Revision) {
	log.Printf("session %s", r.Session.Token) // want `reaches log.Printf`
}

// Positive: a type held by a consistency wrapper under a credential
// name.
func lease(c *revapi.Consistency_Lease) {
	log.Printf("lease %s", c.LeaseSecret.Token) // want `reaches log.Printf`
}

// Positive: the request's own token, beside its consistency.
func request(r *revapi.Request) {
	log.Printf("request token %s", r.Token) // want `reaches log.Printf`
}

// Positive: a qualified field name decides by itself.
type revisionState struct {
	Revision    string
	AccessToken string
}

func state(s revisionState) {
	log.Printf("state %s %s", s.Revision, s.AccessToken) // want `reaches log.Printf`
}
