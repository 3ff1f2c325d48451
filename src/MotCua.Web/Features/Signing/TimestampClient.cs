using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// An RFC 3161 time-stamp authority over HTTP (<c>Signing:TimestampUrl</c>): the request, nonce check and token check are
/// .NET's <see cref="Rfc3161TimestampRequest"/>; this class only carries the bytes.
/// </summary>
public sealed class TimestampClient(HttpClient http)
{
    /// <summary>The TimeStampToken (a CMS ContentInfo DER) over <paramref name="data"/>, hashed with SHA-256.</summary>
    public async Task<byte[]> StampAsync(Uri tsa, byte[] data, CancellationToken ct)
    {
        var request = Rfc3161TimestampRequest.CreateFromData(data, HashAlgorithmName.SHA256, nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        try
        {
            using var response = await http.PostAsync(tsa, content, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new SigningKeyException($"The time-stamp authority {tsa.Host} answered HTTP {(int)response.StatusCode}.");
            }

            var body = await response.Content.ReadAsByteArrayAsync(ct);
            var token = request.ProcessResponse(body, out _);
            return token.AsSignedCms().Encode();
        }
        catch (HttpRequestException ex)
        {
            throw new SigningKeyException($"The time-stamp authority {tsa.Host} cannot be reached ({ex.Message}).", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new SigningKeyException($"The time-stamp authority {tsa.Host} did not answer in time.", ex);
        }
        catch (CryptographicException ex)
        {
            throw new SigningKeyException($"The time-stamp authority {tsa.Host} sent an answer that is not a valid token for this request ({ex.Message}).", ex);
        }
    }
}
