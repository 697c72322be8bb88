package flags

// With -secret-names=sessionid,pin, these names hold secrets. (All values
// here clear -min-entropy=4.5 unless said otherwise.)
var sessionID = "Tb5Yn8Um2Ik6Ol0PaQ3wE7rZ9xC1vS4d" // want `secret in var sessionID is a string literal`

// With -placeholders=^corp-dev-, this value is a placeholder.
var apiKey = "corp-dev-Vx3Bn7Mq1Lp5Rt8Yw2Zk4Hs6Jd9Gf0"

// With -min-entropy=4.5, this low-entropy key is not reported, while the
// high-entropy one is.
var accessKey = "aabbccdd1122334455"
var secretKey = "Xq7$Lm2#Vb9!Nz4@Kp8%Ry1^Tw3&Hj6*" // want `secret in var secretKey is a string literal`
