package request // want package:"analyzed\\(caller in context: UserFrom\\)"

// Package request carries the authenticated caller in the request
// context: the middleware stores it, the service layer reads it back.

import "context"

type User struct {
	ID      string
	IsAdmin bool
}

type ctxKey string

const userKey ctxKey = "user"

// WithUser returns ctx carrying the caller.
func WithUser(ctx context.Context, u User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// UserFrom returns the caller stored by WithUser.
func UserFrom(ctx context.Context) (User, bool) {
	u, ok := ctx.Value(userKey).(User)
	return u, ok
}
