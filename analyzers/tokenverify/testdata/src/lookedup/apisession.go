package lookedup

import "net/http"

type apiSession struct {
	id    string
	token string
}

// Manager keeps user sessions by token and one API session whose token
// comes from the configuration.
type Manager struct {
	tokens     map[string]*apiSession
	apiSession *apiSession
}

// Positive: the map lookup by the caller's token finds user sessions;
// the API session's token, a field of the receiver, is then compared
// with == on its own. The lookup fetched another record.
func (m *Manager) GetByToken(token string) (*apiSession, bool) {
	if s, ok := m.tokens[token]; ok {
		return s, true
	}
	if m.apiSession != nil && m.apiSession.token == token { // want `compared with ==`
		return m.apiSession, true
	}
	return nil, false
}

// Near miss: the record the lookup returned, compared with the key it
// was found by.
func (m *Manager) Recheck(token string) (*apiSession, bool) {
	s, ok := m.tokens[token]
	if ok && s.token == token {
		return s, true
	}
	return nil, false
}

// Authenticate serves the lookups above to requests.
func (m *Manager) Authenticate(r *http.Request) bool {
	_, ok := m.GetByToken(r.Header.Get("Authorization"))
	if !ok {
		_, ok = m.Recheck(r.Header.Get("X-Api-Key"))
	}
	return ok
}
