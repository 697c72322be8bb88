// Package presign hands out presigned object-store URLs: each carries
// the signature that lets whoever holds it read the object until it
// expires. Giving one to the client it was made for is its purpose;
// writing one to a log or an error publishes it.
package presign

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"time"

	"cloud.google.com/go/storage"
	"github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/minio/minio-go/v7"
)

func v1(req *request.Request) {
	u, err := req.Presign(time.Hour)
	if err != nil {
		log.Printf("presign %s failed: %v", req.Operation, err) // silent: the operation and the error
		return
	}
	log.Printf("download from %s", u) // want `presigned URL from request.Request.Presign reaches log.Printf`
}

// presignedURL is ente's shape: a helper returns the URL, the caller
// logs it.
func presignedURL(req *request.Request) (string, error) {
	return req.Presign(time.Hour)
}

func fetch(req *request.Request) error {
	u, err := presignedURL(req)
	if err != nil {
		return err
	}
	r, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return fmt.Errorf("request for %s: %w", u, err) // want `presigned URL from request.Request.Presign returned by presignedURL is put in an error message by fmt.Errorf`
	}
	_ = r
	return nil
}

func v2(ctx context.Context, pc *s3.PresignClient, in *s3.GetObjectInput) {
	pr, err := pc.PresignGetObject(ctx, in)
	if err != nil {
		return
	}
	log.Printf("%s %s", pr.Method, pr.URL)  // want `presigned URL from v4.PresignedHTTPRequest reaches log.Printf`
	log.Printf("presigned a %s", pr.Method) // silent: the method
}

func signer(ctx context.Context, s *v4.Signer, r *http.Request) {
	u, hdr, err := s.PresignHTTP(ctx, nil, r, "", "s3", "us-east-1", time.Now())
	if err != nil {
		return
	}
	log.Println(u)             // want `presigned URL from v4.Signer.PresignHTTP reaches log.Println`
	log.Println(len(hdr), err) // silent: a count and an error
}

func mini(ctx context.Context, mc *minio.Client, w http.ResponseWriter) {
	u, err := mc.PresignedGetObject(ctx, "bucket", "obj", time.Hour, nil)
	if err != nil {
		log.Printf("presign: %v", err) // silent: the error
		return
	}
	log.Printf("link %s", u.String())                                   // want `presigned URL from minio.Client.PresignedGetObject reaches log.Printf`
	log.Printf("endpoint %s", mc.EndpointURL())                         // silent: the endpoint carries no signature
	_ = json.NewEncoder(w).Encode(map[string]string{"url": u.String()}) // silent: handed to the client it was made for
}

func gcs(b *storage.BucketHandle, w http.ResponseWriter, r *http.Request) {
	u, err := b.SignedURL("obj", &storage.SignedURLOptions{Method: "GET"})
	if err != nil {
		log.Printf("sign: %v", err) // silent: the error
		return
	}
	http.Redirect(w, r, u, http.StatusFound) // silent: the client follows it
	pub := fmt.Sprintf("https://storage.googleapis.com/%s/%s", "bucket", "obj")
	log.Printf("public copy at %s", pub) // silent: an unsigned public URL
	v, _ := storage.SignedURL("bucket", "obj", nil)
	log.Print(v) // want `presigned URL from storage.SignedURL reaches log.Print`
}

// selfSigned presigns a URL itself (SigV4 query parameters).
func selfSigned(bucket, object, date, sig string) {
	u := url.URL{Scheme: "https", Host: bucket + ".s3.amazonaws.com", Path: "/" + object}
	q := url.Values{}
	q.Set("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
	q.Set("X-Amz-Date", date)
	canon := url.Values{}
	canon.Set("X-Amz-Date", date)
	canon.Set("X-Amz-Credential", bucket+"/"+date+"/s3/aws4_request")
	log.Printf("canonical query %s", canon.Encode()) // silent: the scope and date, no signature
	q.Set("X-Amz-Signature", sig)
	u.RawQuery = q.Encode()
	log.Printf("signed %s", u.String()) // want `credential stored under query parameter "X-Amz-Signature" reaches log.Printf`
}
