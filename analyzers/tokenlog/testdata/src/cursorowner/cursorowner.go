// Package cursorowner: a struct whose type name says it is a pagination
// cursor or a lexer holds a cursor in its bare "token" field
// (Pagination.token is a pagination token, as paginationToken is); the
// same bare field in any other type, and a qualified credential field
// in a cursor type, are credentials.
package cursorowner

import (
	"fmt"
	"log"
	"log/slog"
)

// Pagination is a list call's page size and continuation token.
type Pagination struct {
	size  uint32
	token string
}

// Token returns the page token.
func (p Pagination) Token() string { return p.token }

type ListCursor struct {
	Offset int
	Token  string
}

type ContinuationState struct {
	Tokens []string
	Limit  int
}

type Lexer struct {
	pos   int
	token string
}

// Near misses' counterparts: the same bare field in a type that is no
// cursor, and a qualified credential field in a cursor type.
type Session struct {
	User  string
	token string
}

type PaginationAuth struct {
	Size        int
	AccessToken string
}

type LoginPage struct {
	Title string
	Token string
}

type Client struct {
	BaseURL string
	Tokens  []string
}

func cursors(p Pagination, c ListCursor, s ContinuationState, l *Lexer) {
	slog.Debug("listing with pagination", slog.Any("pagination", p)) // silent: a page token
	log.Printf("cursor: %+v", c)                                     // silent: a list cursor
	slog.Info("continuing", "state", s)                              // silent: continuation tokens
	fmt.Printf("lexer at %v\n", *l)                                  // silent: a lexer's token
	log.Printf("page token %s", p.Token())                           // silent: the page token read through its getter
}

func credentials(s Session, a PaginationAuth, page LoginPage, cl Client) {
	slog.Debug("session", slog.Any("session", s)) // want `cursorowner.Session with credential field token is printed whole by slog.Debug`
	log.Printf("auth: %+v", a)                    // want `cursorowner.PaginationAuth with credential field AccessToken is printed whole by log.Printf`
	log.Printf("page: %+v", page)                 // want `cursorowner.LoginPage with credential field Token is printed whole by log.Printf`
	slog.Info("client", "c", cl)                  // want `cursorowner.Client with credential field Tokens is printed whole by slog.Info`
}
