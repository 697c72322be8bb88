// Package i18n is a stub of github.com/nicksnyder/go-i18n/v2/i18n: a
// Localizer looks a message up and fills its template. Like the real
// one it builds errors from its configuration (a missing message, a bad
// plural count) and returns them beside the string; it writes nothing.
package i18n

import (
	"fmt"
	"strings"
)

type Message struct {
	ID    string
	Other string
}

type LocalizeConfig struct {
	MessageID      string
	TemplateData   interface{}
	PluralCount    interface{}
	DefaultMessage *Message
}

type Localizer struct {
	msgs map[string]string
}

func NewLocalizer(langs ...string) *Localizer { return &Localizer{msgs: map[string]string{}} }

func (l *Localizer) Localize(lc *LocalizeConfig) (string, error) {
	msg, ok := l.msgs[lc.MessageID]
	if !ok {
		return "", fmt.Errorf("message %q not found (template data %v)", lc.MessageID, lc.TemplateData)
	}
	if lc.PluralCount != nil {
		if _, ok := lc.PluralCount.(int); !ok {
			return "", fmt.Errorf("invalid plural count %v", lc.PluralCount)
		}
	}
	return strings.ReplaceAll(msg, "{{.}}", fmt.Sprint(lc.TemplateData)), nil
}

func (l *Localizer) MustLocalize(lc *LocalizeConfig) string {
	s, err := l.Localize(lc)
	if err != nil {
		panic(err)
	}
	return s
}
