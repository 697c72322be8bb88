// Package pushtoken logs push-notification device tokens, which address
// notifications to a device and authenticate no one, beside tokens
// that are credentials.
package pushtoken

import "log"

type Hostinfo struct {
	Hostname        string
	PushDeviceToken string
}

type Device struct {
	Name              string
	DeviceToken       string // an IoT platform's device access token
	APNsAuthToken     string // the provider's signed APNs token
	FCMRegistrationID string
}

// LogPushEntry is a push server's log line for one delivery.
type LogPushEntry struct {
	Platform string
	Token    string
}

// PushNotification is a push server's request: the devices to notify.
type PushNotification struct {
	Tokens []string
	Topic  string
}

// PushConfig is the push gateway's own settings: its access token.
type PushConfig struct {
	URL   string
	Token string
}

func deliveries(e LogPushEntry, n PushNotification, c PushConfig) {
	log.Printf("push %s to %s", e.Platform, e.Token) // silent: the device the delivery went to
	log.Printf("devices %v", n.Tokens)               // silent: the devices to notify
	log.Printf("gateway %s", c.Token)                // want `reaches log.Printf`
}

func show(h Hostinfo, d Device, apnsToken, fcmRegistrationToken, pushSecret string) {
	log.Printf("host %+v", h)                                    // silent: the device's push address
	log.Printf("apns %s", apnsToken)                             // silent
	log.Printf("fcm %s", fcmRegistrationToken)                   // silent
	log.Printf("device %s", d.DeviceToken)                       // want `reaches log.Printf`
	log.Printf("provider %s", d.APNsAuthToken)                   // want `reaches log.Printf`
	log.Printf("push secret %s", pushSecret)                     // want `reaches log.Printf`
	log.Printf("device %+v", Device{DeviceToken: d.DeviceToken}) // want `DeviceToken reaches log.Printf`
}
