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

func show(h Hostinfo, d Device, apnsToken, fcmRegistrationToken, pushSecret string) {
	log.Printf("host %+v", h)                                    // silent: the device's push address
	log.Printf("apns %s", apnsToken)                             // silent
	log.Printf("fcm %s", fcmRegistrationToken)                   // silent
	log.Printf("device %s", d.DeviceToken)                       // want `reaches log.Printf`
	log.Printf("provider %s", d.APNsAuthToken)                   // want `reaches log.Printf`
	log.Printf("push secret %s", pushSecret)                     // want `reaches log.Printf`
	log.Printf("device %+v", Device{DeviceToken: d.DeviceToken}) // want `DeviceToken reaches log.Printf`
}
