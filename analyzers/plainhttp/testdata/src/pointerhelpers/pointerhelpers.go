// Package pointerhelpers sets base URLs of SDK options whose fields are
// pointers, through pointer helpers of other packages.
package pointerhelpers

import (
	"github.com/aws/aws-sdk-go-v2/aws"

	"ptrhelper"
)

// Options is shaped like an SDK's options.
type Options struct {
	BaseEndpoint *string
	Region       *string
	Profile      *ptrhelper.Entry
}

func positives(o *Options) Options {
	o.BaseEndpoint = ptrhelper.To("http://s3.example.net")                          // want `field BaseEndpoint holds plain HTTP URL http://s3.example.net`
	return Options{BaseEndpoint: aws.String("http://archive.example-dc2.com:9000")} // want `field BaseEndpoint holds plain HTTP URL http://archive.example-dc2.com:9000`
}

func nearMisses(o *Options) {
	o.BaseEndpoint = aws.String("http://localhost:9000")      // silent: local
	o.BaseEndpoint = aws.String("https://s3.example.net")     // silent: TLS
	o.Region = aws.String("http://eu-west-1.example.net")     // silent: not a base URL name
	o.Profile = ptrhelper.Find("http://profiles.example.net") // silent: not a pointer to its argument
}
