// Package i18n is a stub of a message catalogue (go-i18n, gettext style).
package i18n

type Localizer struct{ Lang string }

func (l *Localizer) Localize(id string, data map[string]string) string { return id }

func T(msg string, args ...any) string { return msg }
