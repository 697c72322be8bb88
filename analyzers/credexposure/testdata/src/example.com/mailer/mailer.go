// Package mailer builds notification e-mails in the style of vikunja's
// pkg/notifications: an action button carries a URL for the reader's
// browser. It sends no HTTP request.
package mailer

import "strings"

type Mail struct {
	lines   []string
	actions []string
}

func NewMail() *Mail { return &Mail{} }

func (m *Mail) Line(text string) *Mail { m.lines = append(m.lines, text); return m }

// Action adds a button; the parameter is named url, as request builders'
// are, but the mail goes to a person.
func (m *Mail) Action(text, url string) *Mail {
	m.actions = append(m.actions, text+": "+url)
	return m
}

func (m *Mail) String() string { return strings.Join(append(m.lines, m.actions...), "\n") }
