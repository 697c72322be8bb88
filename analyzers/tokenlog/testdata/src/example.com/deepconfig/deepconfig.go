// Package deepconfig prints whole configurations whose secret sits five
// structs down (kubeshark's Tap.Snapshots.Cloud.S3.SecretKey), with fmt
// and as JSON; a list of Secret objects' names at any depth is no
// credential (keel's TrackedImage.Secrets, filled from a pod's image
// pull secrets' names).
package deepconfig

import (
	"encoding/json"
	"log"
)

type S3 struct {
	Bucket    string `json:"bucket"`
	SecretKey string `json:"secretKey"`
}

type Cloud struct {
	Provider         string   `json:"provider"`
	ImagePullSecrets []string `json:"imagePullSecrets"`
	S3               S3       `json:"s3"`
}

type Snapshots struct{ Cloud Cloud }

type Tap struct{ Snapshots Snapshots }

type Config struct{ Tap Tap }

var cfg Config

func printFmt() {
	log.Printf("config %+v", cfg) // want `deepconfig.Config with credential field Tap.Snapshots.Cloud.S3.SecretKey is printed whole by log.Printf`
}

func printJSON() {
	b, _ := json.Marshal(cfg)
	log.Println(string(b)) // want `deepconfig.Config with credential field Tap.Snapshots.Cloud.S3.SecretKey`
}

// Near misses: the names of Secret objects, beside the namespace they
// are in, or under a name that says so.

type TrackedImage struct {
	Namespace string
	Image     string
	Secrets   []string
}

func (t TrackedImage) String() string { return t.Image }

func podSecrets(names []string) {
	var imagePullSecrets []string
	imagePullSecrets = append(imagePullSecrets, names...)
	log.Printf("image %+v secrets %v", TrackedImage{Image: "a", Secrets: imagePullSecrets}, imagePullSecrets)
}

// Positive: a command's --secret KEY=VALUE pairs, with no namespace
// beside them, hold values.
type runInput struct {
	Image   string
	Secrets []string
}

func run(in runInput) {
	log.Printf("running %+v", in) // want `deepconfig.runInput with credential field Secrets is printed whole by log.Printf`
}
