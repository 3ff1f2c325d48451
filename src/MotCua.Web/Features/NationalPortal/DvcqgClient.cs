using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>POSTs one service body to <c>Integrations:Dvcqg:BaseUrl</c> and reads the portal's <c>error_code</c>.</summary>
public sealed class DvcqgClient(IHttpClientFactory http, IOptions<DvcqgOptions> options)
{
    public const string HttpClientName = "dvcqg";

    /// <summary>The portal's answer; a transport failure, a timeout or an answer that is not the portal's JSON is an <see cref="HttpRequestException"/>.</summary>
    public async Task<DvcqgReply> PostAsync<T>(string service, string? isUpdating, IReadOnlyList<T> data, CancellationToken ct)
    {
        var o = options.Value;
        var url = o.BaseUrl!;
        if (!string.IsNullOrWhiteSpace(o.MaDinhDanh))
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "MaDinhDanhDV=" + Uri.EscapeDataString(o.MaDinhDanh);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new DvcqgRequest<T>(service, isUpdating, data), options: Dvcqg.Json),
        };
        if (!string.IsNullOrWhiteSpace(o.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.AccessToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new HttpRequestException($"Cổng DVCQG không trả lời trong {o.TimeoutSeconds} giây.");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            DvcqgReply? reply = null;
            try
            {
                reply = JsonSerializer.Deserialize<DvcqgReply>(text, Dvcqg.Json);
            }
            catch (JsonException)
            {
                // Not the portal's JSON (a proxy's error page): reported below with the status only.
            }

            if (reply?.ErrorCode is null)
            {
                throw new HttpRequestException($"HTTP {(int)response.StatusCode}: câu trả lời không đúng định dạng của Cổng DVCQG.");
            }

            return response.IsSuccessStatusCode ? reply : reply with { Message = $"HTTP {(int)response.StatusCode}: {reply.Message}" };
        }
    }
}
