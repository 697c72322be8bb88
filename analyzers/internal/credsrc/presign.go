package credsrc

import (
	"go/types"
	"strings"

	"github.com/authvet/authvet/analyzers/internal/credname"
	"github.com/authvet/authvet/analyzers/internal/jwtlib"
)

// Presigned URLs (issue 15, fifth pass, ente): a URL an object store's
// SDK signs for a client carries the credential in its query
// (X-Amz-Credential and X-Amz-Signature, X-Goog-Signature): whoever holds
// it can read or write the object until it expires, with no other
// authentication. Handing it to the client it was made for is its
// purpose; writing it to a log or an error message publishes that
// capability to everyone who reads the log.
//
// The signing calls are known by import path, receiver and name:
//   - aws-sdk-go v1: request.Request.Presign and PresignRequest (result 0);
//   - aws-sdk-go-v2: signer/v4's Signer.PresignHTTP (result 0) and the
//     URL field of the PresignedHTTPRequest that s3.PresignClient's
//     Presign* methods return;
//   - minio-go (v6, v7): Client.Presign, PresignHeader,
//     PresignedGetObject, PresignedPutObject, PresignedHeadObject and
//     PresignedPostPolicy (result 0, a *url.URL);
//   - cloud.google.com/go/storage: SignedURL and BucketHandle.SignedURL.
//
// A URL the program builds without signing (an object's public URL,
// an endpoint) is no such value.

// presignedDesc describes a presigned URL made by the named API.
func presignedDesc(api string) Source {
	return Source{Kind: credname.Credential, Desc: "presigned URL from " + api, Typed: true}
}

// fromPresign reports whether result of a call of fn is a presigned URL.
func fromPresign(path, recv, name string, result int) (Source, bool) {
	if result != 0 {
		return Source{}, false
	}
	path = jwtlib.Unvendor(path)
	switch {
	case path == "github.com/aws/aws-sdk-go/aws/request" && recv == "Request" && (name == "Presign" || name == "PresignRequest"):
		return presignedDesc("request.Request." + name), true
	case isModule(path, "github.com/aws/aws-sdk-go-v2/aws/signer/v4") && recv == "Signer" && name == "PresignHTTP":
		return presignedDesc("v4.Signer.PresignHTTP"), true
	case isModule(path, "github.com/minio/minio-go") && recv == "Client":
		switch name {
		case "Presign", "PresignHeader", "PresignedGetObject", "PresignedPutObject", "PresignedHeadObject", "PresignedPostPolicy":
			return presignedDesc("minio.Client." + name), true
		}
	case path == "cloud.google.com/go/storage" && name == "SignedURL" && (recv == "" || recv == "BucketHandle"):
		if recv != "" {
			name = recv + "." + name
		}
		return presignedDesc("storage." + name), true
	}
	return Source{}, false
}

// presignedField reports the URL field of aws-sdk-go-v2's
// PresignedHTTPRequest (what PresignClient.PresignGetObject returns).
func presignedField(f *types.Var, path string) (Source, bool) {
	if f.Name() != "URL" || !isModule(jwtlib.Unvendor(path), "github.com/aws/aws-sdk-go-v2/aws/signer/v4") {
		return Source{}, false
	}
	obj, ok := f.Pkg().Scope().Lookup("PresignedHTTPRequest").(*types.TypeName)
	if !ok {
		return Source{}, false
	}
	st, ok := obj.Type().Underlying().(*types.Struct)
	if !ok {
		return Source{}, false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i) == f {
			return presignedDesc("v4.PresignedHTTPRequest"), true
		}
	}
	return Source{}, false
}

// isModule reports whether path is mod or a major version of it
// (mod/v7) or a package under either.
func isModule(path, mod string) bool {
	if path == mod || strings.HasPrefix(path, mod+"/") {
		return true
	}
	return false
}

// IsPresigned reports whether src is a presigned URL: a credential made
// to travel in a URL's query, which analyzers of credentials put in a
// query (credexposure) leave alone.
func IsPresigned(src Source) bool { return strings.HasPrefix(src.Desc, "presigned URL from ") }

// PresignQueryKey reports whether a query parameter a program writes is
// the signature or session token of a URL it presigns itself (AWS SigV4,
// Google Cloud Storage V4 signing): the URL that carries it is a
// presigned URL. A bare "signature" is not enough (a JWS's or a
// webhook's signature is no capability on its own).
func PresignQueryKey(key string) bool {
	switch strings.ToLower(key) {
	case "x-amz-signature", "x-amz-security-token", "x-goog-signature":
		return true
	}
	return false
}
