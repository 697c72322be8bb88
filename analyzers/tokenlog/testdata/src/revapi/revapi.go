// Package revapi is an API package in the style of generated protobuf
// code: an opaque token type that the package holds only as a
// consistency requirement or revision marker, and credential types.
package revapi

// ReadToken is an encoded datastore revision; its name says nothing.
type ReadToken struct {
	Token string
}

// Consistency is a request's consistency requirement (a oneof).
type Consistency struct {
	Requirement isConsistency_Requirement
}

type isConsistency_Requirement interface{ isConsistency_Requirement() }

type Consistency_AtLeastAsFresh struct {
	AtLeastAsFresh *ReadToken
}

type Consistency_AtExactSnapshot struct {
	AtExactSnapshot *ReadToken
}

func (*Consistency_AtLeastAsFresh) isConsistency_Requirement()  {}
func (*Consistency_AtExactSnapshot) isConsistency_Requirement() {}

// GetAtLeastAsFresh returns the requested revision, if any.
func (c *Consistency) GetAtLeastAsFresh() *ReadToken {
	if x, ok := c.Requirement.(*Consistency_AtLeastAsFresh); ok {
		return x.AtLeastAsFresh
	}
	return nil
}

// CheckResponse says at which revision a check was evaluated.
type CheckResponse struct {
	CheckedAt *ReadToken
}

// RevisionToken is named for what it is.
type RevisionToken struct {
	Token string
}

// BearerToken is a credential, held by Credentials.
type BearerToken struct {
	Token string
}

type Credentials struct {
	Bearer *BearerToken
}

// LeaseToken is a credential held under a credential name by a
// consistency wrapper.
type LeaseToken struct {
	Token string
}

type Consistency_Lease struct {
	LeaseSecret *LeaseToken
}

// IssuedToken is a credential that a revision record carries beside
// other fields: the record is no mere wrapper of it.
type IssuedToken struct {
	Token string
}

type Revision struct {
	Number  int64
	Session *IssuedToken
}

// Request holds a consistency requirement and a token of its own: the
// holder's token is not thereby a revision.
type Request struct {
	Consistency *Consistency
	Token       string
}
