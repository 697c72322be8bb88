// Package lager is a stub of code.cloudfoundry.org/lager for tests.
package lager

type Data map[string]interface{}

type Logger interface {
	Debug(action string, data ...Data)
	Info(action string, data ...Data)
	Error(action string, err error, data ...Data)
	Fatal(action string, err error, data ...Data)
	Session(task string, data ...Data) Logger
	WithData(Data) Logger
	SessionName() string
}

func NewLogger(component string) Logger { return nil }
