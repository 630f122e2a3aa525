using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Almanac.Usage.ClickHouse;

/// <summary>A temporary table sent with a query as ClickHouse "external data" (e.g. a batch's event ids to look up).</summary>
/// <param name="Name">The table's name in the query.</param>
/// <param name="Structure">Its columns as ClickHouse declares them, e.g. <c>event_id String</c>.</param>
/// <param name="Rows">Its rows, one string per column.</param>
public sealed record ClickHouseExternalTable(string Name, string Structure, IEnumerable<IReadOnlyList<string>> Rows);

/// <summary>
/// The one adapter to a ClickHouse server: its HTTP interface in the formats 18.16 has (statements
/// in the request body, rows streamed in as TabSeparated and out as TabSeparatedWithNames). Every
/// failure is one <see cref="ClickHouseException"/> naming the statement: the server's error code
/// and message, a timeout, or a server that does not answer.
/// </summary>
public sealed partial class ClickHouseHttp : IDisposable
{
    private const int ErrorBodyLimit = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly Uri _root;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _settings;

    /// <summary>Opens (lazily: nothing is sent until a statement runs) the server at <paramref name="url"/>, e.g. <c>http://127.0.0.1:8123/?database=almanac</c>; its query string's settings (database, user, password, …) go with every request.</summary>
    public ClickHouseHttp(string url, TimeSpan? timeout = null)
        : this(ParseUrl(url), timeout ?? TimeSpan.FromMinutes(10), new HttpClient(KeepAliveHandler()) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }, ownsClient: true)
    {
    }

    /// <summary>
    /// A server closes a kept-alive connection after its <c>keep_alive_timeout</c> (3 s by default); a request
    /// sent on it just then fails with a broken pipe, and a streamed insert cannot be retried.
    /// So the client drops idle connections sooner than any server does.
    /// </summary>
    private static SocketsHttpHandler KeepAliveHandler() => new() { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1) };

    private ClickHouseHttp((Uri Root, IReadOnlyList<KeyValuePair<string, string>> Settings) url, TimeSpan timeout, HttpClient client, bool ownsClient)
    {
        _root = url.Root;
        _settings = url.Settings;
        Timeout = timeout;
        _client = client;
        _ownsClient = ownsClient;
    }

    /// <summary>How long one statement may take, from sending it to its last row.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The database statements run in (the URL's <c>database</c>, else ClickHouse's <c>default</c>).</summary>
    public string Database => Setting("database") ?? "default";

    /// <summary>The server as shown in messages: scheme, host and port, never the URL's credentials.</summary>
    public string Address => $"{_root.Scheme}://{_root.Authority}";

    /// <summary>The same settings on another node (sharing this adapter's connections).</summary>
    public ClickHouseHttp OnNode(string host, int httpPort) =>
        new((new UriBuilder(_root) { Host = host, Port = httpPort }.Uri, _settings), Timeout, _client, ownsClient: false);

    /// <summary>The same node without a database, for statements that must run before it exists.</summary>
    public ClickHouseHttp WithoutDatabase() =>
        new((_root, _settings.Where(s => s.Key != "database").ToList()), Timeout, _client, ownsClient: false);

    /// <summary>Runs a statement that returns no rows (DDL, INSERT … SELECT).</summary>
    public async Task ExecuteAsync(string statement, string sql, CancellationToken cancellationToken = default)
    {
        using var timeout = Deadline(cancellationToken);
        using var content = new StringContent(sql, Utf8);
        using var response = await SendAsync(statement, RequestUri(null, null), content, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a query and streams its rows (the adapter asks for TabSeparatedWithNames, so the SQL
    /// must not name a format). <paramref name="externalTables"/> go with it as external data.
    /// </summary>
    public async IAsyncEnumerable<ClickHouseRow> QueryAsync(
        string statement,
        string sql,
        IReadOnlyList<ClickHouseExternalTable>? externalTables = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timeout = Deadline(cancellationToken);
        var query = sql.TrimEnd().TrimEnd(';') + "\nFORMAT TabSeparatedWithNames";
        HttpContent content;
        Uri uri;
        if (externalTables is { Count: > 0 })
        {
            // External data travels as multipart form files, so the query itself goes in the URL. Each
            // file is written out first so that the form goes with its length: 18.16 stops reading a
            // multipart body at its closing boundary, and a chunked body's last chunk would then stay on
            // the kept-alive connection, where the server takes it for a request and answers it with a
            // bare 400 that the next statement on that connection receives as its own.
            var form = new MultipartFormDataContent();
            var extra = new List<KeyValuePair<string, string>>();
            foreach (var table in externalTables)
            {
                form.Add(new ByteArrayContent(TsvBytes(table.Rows)), table.Name, table.Name + ".tsv");
                extra.Add(new(table.Name + "_structure", table.Structure));
                extra.Add(new(table.Name + "_format", "TabSeparated"));
            }
            content = form;
            uri = RequestUri(query, extra);
        }
        else
        {
            content = new StringContent(query, Utf8);
            uri = RequestUri(null, null);
        }

        using (content)
        using (var response = await SendAsync(statement, uri, content, timeout, cancellationToken).ConfigureAwait(false))
        {
            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var reader = new StreamReader(stream, Utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            List<string>? columns = null;
            Dictionary<string, int>? index = null;
            while (true)
            {
                string? line;
                try
                {
                    line = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
                {
                    throw Translate(statement, e, timeout, cancellationToken);
                }
                if (line is null)
                    break;
                // An error after the first rows were sent comes as text appended to the body.
                if (ServerError(line) is { } error)
                    throw Refused(statement, error.Code, error.Message);
                var fields = ClickHouseTsv.Split(line);
                if (columns is null)
                {
                    columns = fields.Select(f => f ?? "").ToList();
                    index = columns.Select((name, position) => (name, position))
                        .GroupBy(c => c.name, StringComparer.Ordinal)
                        .ToDictionary(g => g.Key, g => g.First().position, StringComparer.Ordinal);
                    continue;
                }
                if (fields.Length != columns.Count)
                    throw new ClickHouseException(statement, $"ClickHouse at {Address} sent a row of {fields.Length} fields for {columns.Count} columns in {statement}");
                yield return new ClickHouseRow(columns, index!, fields);
            }
        }
    }

    /// <summary>
    /// Streams <paramref name="rows"/> into <paramref name="table"/> as one TabSeparated request
    /// body (nothing is held in memory but the row being written); returns the rows sent.
    /// </summary>
    public async Task<long> InsertAsync<T>(
        string statement,
        string table,
        IReadOnlyList<string> columns,
        IEnumerable<T> rows,
        Action<T, ClickHouseTsvRow> writeRow,
        IReadOnlyDictionary<string, string>? settings = null,
        CancellationToken cancellationToken = default)
    {
        using var timeout = Deadline(cancellationToken);
        var query = $"INSERT INTO {table} ({string.Join(", ", columns)}) FORMAT TabSeparated";
        using var content = new TsvContent<T>(rows, writeRow);
        var uri = RequestUri(query, settings?.ToList());
        using var response = await SendAsync(statement, uri, content, timeout, cancellationToken).ConfigureAwait(false);
        return content.RowsWritten;
    }

    public void Dispose()
    {
        if (_ownsClient)
            _client.Dispose();
    }

    private static byte[] TsvBytes(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new ClickHouseTsvRow();
        foreach (var row in rows)
        {
            foreach (var field in row)
                text.Add(field);
            text.EndRow();
        }
        return Utf8.GetBytes(text.Text.ToString());
    }

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(Timeout);
        return source;
    }

    private async Task<HttpResponseMessage> SendAsync(string statement, Uri uri, HttpContent content, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            throw Translate(statement, e, timeout, cancellationToken);
        }
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
        {
            var body = await ReadLimitedAsync(response, timeout.Token).ConfigureAwait(false);
            if (ServerError(body) is { } error)
                throw Refused(statement, error.Code, error.Message);
            var firstLine = body.Split('\n', 2)[0].Trim();
            throw new ClickHouseException(statement,
                $"ClickHouse at {Address} refused {statement}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(firstLine.Length > 0 ? ": " + firstLine : "")}");
        }
    }

    private Exception Translate(string statement, Exception e, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            return e; // the caller cancelled: theirs to handle, not a ClickHouse fault
        if (e is OperationCanceledException && timeout.IsCancellationRequested)
            return new ClickHouseException(statement, $"ClickHouse at {Address} did not finish {statement} within {Timeout.TotalSeconds:0.#} s", inner: e);
        var refused = e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }
            || Inner<SocketException>(e) is not null;
        return refused
            ? new ClickHouseException(statement, $"ClickHouse at {Address} does not answer ({Inner<SocketException>(e)?.Message ?? e.Message})", inner: e)
            : new ClickHouseException(statement, $"ClickHouse at {Address} broke off {statement}: {e.Message}", inner: e);
    }

    private ClickHouseException Refused(string statement, int code, string message) =>
        new(statement, $"ClickHouse at {Address} refused {statement}: {message} (code {code})", code);

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[ErrorBodyLimit];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                length += read;
            return Utf8.GetString(buffer, 0, length);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    /// <summary>ClickHouse's error text, <c>Code: 62, e.displayText() = DB::Exception: …, e.what() = DB::Exception</c> (then perhaps a stack trace), as its code and message alone.</summary>
    internal static (int Code, string Message)? ServerError(string text)
    {
        var match = ServerErrorText().Match(text);
        if (!match.Success)
            return null;
        var message = match.Groups["message"].Value;
        foreach (var end in new[] { ", e.what() = ", "\nStack trace:", "\n" })
        {
            var at = message.IndexOf(end, StringComparison.Ordinal);
            if (at >= 0)
                message = message[..at];
        }
        return (int.Parse(match.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), message.Trim());
    }

    private Uri RequestUri(string? query, IReadOnlyList<KeyValuePair<string, string>>? extra)
    {
        var parameters = new List<KeyValuePair<string, string>>(_settings);
        if (extra is not null)
        {
            parameters.RemoveAll(p => extra.Any(e => e.Key == p.Key));
            parameters.AddRange(extra);
        }
        if (query is not null)
            parameters.Add(new("query", query));
        var text = string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return new UriBuilder(_root) { Query = text }.Uri;
    }

    private string? Setting(string name) => _settings.LastOrDefault(s => s.Key == name).Value;

    private static (Uri Root, IReadOnlyList<KeyValuePair<string, string>> Settings) ParseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"a ClickHouse URL is http://HOST:PORT/?database=NAME, not {url}", nameof(url));
        var settings = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : ""))
            .ToList();
        return (new UriBuilder(uri) { Query = "", Fragment = "" }.Uri, settings);
    }

    private static T? Inner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
                return found;
        }
        return null;
    }

    [GeneratedRegex(@"Code: (?<code>\d+), e\.displayText\(\) = (?:DB::Exception: )?(?<message>.*)", RegexOptions.Singleline)]
    private static partial Regex ServerErrorText();

    /// <summary>A request body written row by row as the request goes out (chunked), never held whole.</summary>
    private sealed class TsvContent<T>(IEnumerable<T> rows, Action<T, ClickHouseTsvRow> writeRow) : HttpContent
    {
        public long RowsWritten { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None).ConfigureAwait(false);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                // Rows are gathered into chunks of about 64K characters: one write per chunk, not per row.
                const int ChunkLength = 1 << 16;
                var rowText = new ClickHouseTsvRow();
                foreach (var item in rows)
                {
                    writeRow(item, rowText);
                    rowText.EndRow();
                    RowsWritten++;
                    if (rowText.Text.Length >= ChunkLength)
                    {
                        await writer.WriteAsync(rowText.Text, cancellationToken).ConfigureAwait(false);
                        rowText.Clear();
                    }
                }
                await writer.WriteAsync(rowText.Text, cancellationToken).ConfigureAwait(false);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
