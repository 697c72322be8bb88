package tokenlog

// A struct printed whole by a helper.
//
// func New(sms SMSConfig, log *logrus.Entry) { log.WithField("sms", sms).Debug(...) }
// prints its parameter whole, and SMSConfig has a credential field
// (AuthToken), so tokenlog/struct reports that log call in the helper's
// package, whoever calls it. A caller that fills the field from a
// credential (SMSConfig{AuthToken: os.Getenv("SMS_AUTH_TOKEN")}) then
// makes no second leak: the same field reaches the same log call. The
// helper's summary marks such a parameter's sink as printed by the
// helper itself (paramSink.Printed): callers still follow the flow (their
// own summaries carry it on) but report nothing: one leak, one finding, at the
// sink. A parameter the helper logs without a credential-carrying type
// (a plain string) is still reported at its callers.
