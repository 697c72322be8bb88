package credsrc

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
)

// Push-service device tokens.
//
// A push notification service (Firebase Cloud Messaging, Apple's APNs)
// delivers to a device named by its registration or device token: an
// address, not a credential. Sending to it needs the project's own
// service-account key or certificate, which is the secret. The SDKs'
// message types say which field holds that address (firebase
// messaging.Message.Token, MulticastMessage.Tokens; apns2's
// Notification.DeviceToken), so a value read from one of them is a
// device address, and so is what the program collects from it,
// whatever the variables are called (traQ's invalidTokens, gathered
// from messages[i].Token after FCM reported them unregistered, returned
// and logged by the caller).

// pushFields are the device-address fields of push SDKs' message
// types: package path prefix, type and field.
var pushFields = []struct{ pkg, typ, field string }{
	{"firebase.google.com/go", "Message", "Token"},
	{"firebase.google.com/go", "MulticastMessage", "Tokens"},
	{"github.com/sideshow/apns2", "Notification", "DeviceToken"},
}

// pushField reports whether f is a push SDK's device-address field, or
// the bare token field of a program's own push message or log entry.
func pushField(f *types.Var) bool {
	if f == nil || !f.IsField() || f.Pkg() == nil {
		return false
	}
	path := f.Pkg().Path()
	for _, p := range pushFields {
		if f.Name() == p.field && (path == p.pkg || strings.HasPrefix(path, p.pkg+"/")) && declaringType(f) == p.typ {
			return true
		}
	}
	return pushHolder(declaringType(f), f.Name())
}

// pushHolderWords, beside "push" in a struct type's name, say that the
// struct is a push notification, its delivery or its log entry, whose
// bare Token or Tokens field is the device it goes to (gorush's
// PushNotification.Tokens, LogPushEntry.Token). A push service's own
// configuration (PushConfig.Token, a gateway's access token) is not one.
var pushHolderWords = map[string]bool{
	"notification": true, "notifications": true, "message": true, "messages": true,
	"entry": true, "log": true, "device": true, "devices": true, "target": true,
	"targets": true, "recipient": true, "recipients": true, "delivery": true,
}

// pushHolder reports whether field of the struct type holder is such a
// device address.
func pushHolder(holder, field string) bool {
	if field != "Token" && field != "Tokens" && field != "DeviceToken" && field != "DeviceTokens" {
		return false
	}
	push, what := false, false
	for _, w := range credname.Words(holder) {
		push = push || w == "push"
		what = what || pushHolderWords[w]
	}
	return push && what
}
