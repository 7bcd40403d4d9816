/// The sizes a request may not exceed. The socket layer fills this from its own configuration;
/// the codec enforces it while decoding, before it holds the bytes.
public struct HTTPLimits: Sendable, Equatable {
    /// The largest request head (request line, headers and the blank line), in bytes;
    /// a larger head is answered with `431 Request Header Fields Too Large`.
    /// Trailers of a chunked body are held to the same limit.
    public var maxHeaderBytes: Int
    /// The largest request body after de-chunking, in bytes; a larger body is answered with
    /// `413 Content Too Large`.
    public var maxBodyBytes: Int

    /// Creates limits; the defaults match the server's (64 KiB of head, 16 MiB of body).
    public init(maxHeaderBytes: Int = 64 * 1024, maxBodyBytes: Int = 16 * 1024 * 1024) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
    }
}
