using Microsoft.AspNetCore.Http.Features;

namespace Kim.Casemanagement.Web.Fehler;

/// <summary>
/// Enforces the 256 KiB body limit so that the caller reliably reads the 413 answer. Kestrel's own limit throws while
/// the client is still sending and then closes the connection; on a busy socket the client sees a reset instead of the
/// answer. Here the transport may accept up to <see cref="Ablassgrenze"/> (which Kestrel drains and discards after the
/// answer, at most 5 s), and the application limit is checked first: by Content-Length before reading anything, and
/// for chunked bodies while reading.
/// </summary>
internal sealed class AnfrageGroessenGrenze(RequestDelegate next)
{
    /// <summary>The largest body the application accepts.</summary>
    public const long Grenze = 256 * 1024;

    /// <summary>The largest body the server reads at all (the rest of an oversized body is discarded up to here).</summary>
    public const long Ablassgrenze = 4 * 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is null || feature.IsReadOnly)
        {
            return next(context);
        }

        feature.MaxRequestBodySize = Ablassgrenze;
        if (context.Request.ContentLength > Grenze)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Request.ContentLength is null)
        {
            context.Request.Body = new BegrenzterStrom(context.Request.Body, Grenze);
        }

        return next(context);
    }

    /// <summary>A read-only view of the body that fails with 413 as soon as more than the limit has been read.</summary>
    private sealed class BegrenzterStrom(Stream inner, long grenze) : Stream
    {
        private long _gelesen;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _gelesen; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Zaehlen(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Zaehlen(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Zaehlen(int anzahl)
        {
            _gelesen += anzahl;
            return _gelesen > grenze
                ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)
                : anzahl;
        }
    }
}
