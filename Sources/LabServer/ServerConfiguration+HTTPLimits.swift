import AWSWire

extension ServerConfiguration {
    /// The codec's limits taken from this configuration.
    public var httpLimits: HTTPLimits {
        HTTPLimits(maxHeaderBytes: maxHeaderBytes, maxBodyBytes: maxBodyBytes)
    }
}
