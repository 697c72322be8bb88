// Package leasetoken hands out lock tokens: handles of a holding, not
// credentials. A session token beside them still is one.
package leasetoken

import "log"

type lock struct {
	Token string
	Owner string
}

type lockManager struct {
	locks map[string]*lock
}

func (lm *lockManager) unlock(path, token string) bool {
	l, ok := lm.locks[path]
	if !ok || l.Token != token {
		log.Printf("unlock %s: token %s does not match %s", path, token, l.Token)
		return false
	}
	delete(lm.locks, path)
	return true
}

type session struct {
	Token string
}

func (s *session) close(reason string) {
	log.Printf("closing session %s: %s", s.Token, reason) // want `token in field Token reaches log.Printf`
}
