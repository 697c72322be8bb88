// Package ifacekeys reads credentials from maps keyed by interface{}
// (gorilla/sessions' Session.Values) under constant keys.
package ifacekeys

import (
	"log"
	"net/http"
)

// Session is shaped like gorilla/sessions' Session.
type Session struct {
	ID     string
	Values map[interface{}]interface{}
	IsNew  bool
}

func positives(sess *Session, r *http.Request) {
	at, _ := sess.Values["access_token"].(string)
	log.Printf("reusing %s", at)                           // want `token in map entry "access_token" reaches log.Printf`
	log.Printf("refresh %v", sess.Values["refresh_token"]) // want `token in map entry "refresh_token" reaches log.Printf`
}

func nearMisses(sess *Session, r *http.Request) {
	sess.Values["access_token"] = r.Header.Get("Authorization")
	log.Printf("user %v", sess.Values["user_id"])                                    // silent: another entry
	log.Printf("return to %v", sess.Values["return_to"])                             // silent: not a credential
	log.Printf("state %v", sess.Values["oauth_provider"])                            // silent: not a credential
	log.Printf("session %s new=%t values=%d", sess.ID, sess.IsNew, len(sess.Values)) // silent: id, flag, count
}
