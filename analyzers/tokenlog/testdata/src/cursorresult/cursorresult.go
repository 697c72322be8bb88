package cursorresult // want package:`tokenlog\(query params token read by cursorresult\)`

// cursorresult: a bare "token" returned by a function whose name,
// or whose result's name, says it is a cursor is no credential
// (cursorresult.go); a qualified source, another function, or a sink
// inside the function is reported as before.

import (
	"log"
	"net/http"
	"net/url"
)

type Fs struct{ link string }

// rclone's OneDrive shape: the sync cursor read from a delta link.
func (f *Fs) changeNotifyStartPageToken() (nextDeltaToken string, err error) {
	parsedURL, err := url.Parse(f.link)
	if err != nil {
		return
	}
	nextDeltaToken = parsedURL.Query().Get("token")
	return
}

func (f *Fs) changeNotify() {
	nextDeltaToken, err := f.changeNotifyStartPageToken()
	if err != nil {
		return
	}
	log.Printf("Next delta token is: %s", nextDeltaToken)
}

// An unnamed result of a function named like a page-token reader.
func nextPageToken(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	return u.Query().Get("token")
}

func listAll(link string) {
	log.Printf("continuing from %s", nextPageToken(link))
}

// A result named as a continuation token, read by map index.
func fetchPage(link string) (items []string, continuationToken string) {
	u, _ := url.Parse(link)
	if v := u.Query()["token"]; len(v) > 0 {
		continuationToken = v[0]
	}
	return nil, continuationToken
}

func walk(link string) {
	_, tok := fetchPage(link)
	log.Printf("page cursor %s", tok)
}

// A form value under the bare key, returned as a resume token.
func resumeToken(r *http.Request) string {
	return r.FormValue("token")
}

func resume(r *http.Request) {
	log.Printf("resuming at %s", resumeToken(r))
}

// Near misses.

// A qualified parameter decides by itself.
func syncToken(link string) string {
	u, _ := url.Parse(link)
	return u.Query().Get("access_token")
}

func logSync(link string) {
	log.Printf("sync %s", syncToken(link)) // want `token from the "access_token" URL parameter`
}

// Another function name says nothing about the kind.
func getToken(link string) string {
	u, _ := url.Parse(link)
	return u.Query().Get("token")
}

func logGet(link string) {
	log.Printf("got %s", getToken(link)) // want `token from the "token" URL parameter`
}

// A cursor-named function returning the Authorization header.
func pageToken(r *http.Request) string {
	return r.Header.Get("Authorization")
}

func logPage(r *http.Request) {
	log.Printf("page %s", pageToken(r)) // want `Authorization header`
}

// A cursor-named function that logs the token itself.
func cursorToken(link string) string {
	u, _ := url.Parse(link)
	t := u.Query().Get("token")
	log.Printf("token=%s", t) // want `token from the "token" URL parameter`
	return t
}

// Of two results, only the cursor-named one is a cursor.
func split(link string) (nextPageToken, token string) {
	u, _ := url.Parse(link)
	q := u.Query()
	return q.Get("next"), q.Get("token")
}

func logSplit(link string) {
	_, t := split(link)
	log.Printf("t=%s", t) // want `token from the "token" URL parameter`
}
