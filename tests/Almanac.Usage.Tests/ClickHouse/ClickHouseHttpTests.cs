using Almanac.Usage.ClickHouse;

namespace Almanac.Tests.Usage.ClickHouse;

/// <summary>The adapter against the real cluster: escaping round trips, server errors, timeouts, a dead server.</summary>
public sealed class ClickHouseHttpTests
{
    private static readonly string[] Nasty =
    [
        "it's", "\"double\"", @"back\slash", @"ends with \", @"\N", "tab\there", "new\nline", "cr\rlf\r\n",
        "nul\0inside", "bell\a form\f back\b", "`backtick`", "' OR 1=1 --", "{placeholder}", "日本語",
        "emoji 😀 and combining é", "\u2028 line separator", "", " ",
    ];

    [ClickHouseFact]
    public async Task A_quoted_literal_comes_back_as_the_same_string()
    {
        using var http = new ClickHouseHttp(ClickHouseTestCluster.Url!);
        foreach (var value in Nasty)
        {
            var rows = await ToListAsync(http.QueryAsync("echo", $"SELECT {ClickHouseSql.Quote(value)} AS s, length(s) AS bytes"));
            rows.Count.ShouldBe(1);
            rows[0]["s"].ShouldBe(value);
            rows[0].GetInt64("bytes").ShouldBe(System.Text.Encoding.UTF8.GetByteCount(value));
        }
    }

    [ClickHouseFact]
    public async Task Strings_streamed_in_as_tab_separated_rows_come_back_unchanged()
    {
        var url = ClickHouseTestCluster.FreshDatabaseUrl();
        using var http = new ClickHouseHttp(url);
        await http.WithoutDatabase().ExecuteAsync("create", $"CREATE DATABASE {http.Database}");
        try
        {
            await http.ExecuteAsync("create", "CREATE TABLE strings (n Int64, s String, x Nullable(Float64)) ENGINE = TinyLog");
            var rows = Nasty.Select((s, n) => (n, s, x: n % 3 == 0 ? (double?)null : n / 7.0)).ToList();
            var sent = await http.InsertAsync("insert strings", "strings", ["n", "s", "x"], rows, (r, tsv) => tsv.Add(r.n).Add(r.s).Add(r.x));
            sent.ShouldBe(Nasty.Length);

            var back = await ToListAsync(http.QueryAsync("read strings", "SELECT n, s, x FROM strings ORDER BY n"));
            back.Select(r => r["s"]).ShouldBe(Nasty);
            back.Select(r => r.GetNullableDouble("x")).ShouldBe(rows.Select(r => r.x));
            // The literal of each string finds its row: both escapings agree.
            foreach (var (n, s, _) in rows)
            {
                var found = await ToListAsync(http.QueryAsync("find", $"SELECT n FROM strings WHERE s = {ClickHouseSql.Quote(s)}"));
                found.Select(r => r.GetInt64("n")).ShouldBe([n]);
            }
        }
        finally
        {
            await http.WithoutDatabase().ExecuteAsync("drop", $"DROP DATABASE IF EXISTS {http.Database}");
        }
    }

    [ClickHouseFact]
    public async Task A_query_with_external_data_leaves_its_connection_fit_for_the_next_statement()
    {
        // 18.16 stops reading a multipart body at its closing boundary. Were it sent chunked, the last
        // chunk would stay on the kept-alive connection and the server would answer it, as if it were
        // the next request, with a bare 400 that the next statement on that connection then receives.
        using var http = new ClickHouseHttp(ClickHouseTestCluster.Url!);
        for (var round = 0; round < 40; round++)
        {
            var ids = new ClickHouseExternalTable("ids", "id String", Enumerable.Range(0, 1000).Select(n => (IReadOnlyList<string>)[$"{round}-{n}"]));
            var counted = await ToListAsync(http.QueryAsync("count ids", "SELECT count() AS n, uniqExact(id) AS distinct_ids FROM ids", [ids]));
            counted[0].GetInt64("n").ShouldBe(1000);
            counted[0].GetInt64("distinct_ids").ShouldBe(1000);
            var next = await ToListAsync(http.QueryAsync("next", $"SELECT {round} AS round"));
            next[0].GetInt64("round").ShouldBe(round);
        }
    }

    [ClickHouseFact]
    public async Task A_server_error_is_one_exception_with_the_code_the_message_and_the_statement()
    {
        using var http = new ClickHouseHttp(ClickHouseTestCluster.Url!);
        var syntax = await Should.ThrowAsync<ClickHouseException>(() => http.ExecuteAsync("broken statement", "SELEC 1"));
        syntax.ServerCode.ShouldBe(62);
        syntax.Statement.ShouldBe("broken statement");
        syntax.Message.ShouldStartWith($"ClickHouse at {http.Address} refused broken statement: Syntax error");
        syntax.Message.ShouldNotContain("e.what()");
        syntax.Message.ShouldNotContain("Stack trace");
        syntax.Message.ShouldNotContain("\n");

        var missing = await Should.ThrowAsync<ClickHouseException>(() => ToListAsync(http.QueryAsync("missing table", "SELECT * FROM no_such_table")));
        missing.ServerCode.ShouldBe(60);
        missing.Message.ShouldContain("no_such_table");
    }

    [ClickHouseFact]
    public async Task An_insert_the_server_refuses_while_rows_are_still_streaming_gives_the_servers_error()
    {
        using var http = new ClickHouseHttp(ClickHouseTestCluster.Url!);
        // Enough rows that the server answers long before the body is sent.
        var rows = Enumerable.Range(0, 500_000).Select(n => (long)n);
        var error = await Should.ThrowAsync<ClickHouseException>(() =>
            http.InsertAsync("insert nowhere", "no_such_table", ["n"], rows, (n, tsv) => tsv.Add(n)));
        error.ServerCode.ShouldBe(60);
        error.Message.ShouldContain("refused insert nowhere: Table");
    }

    [ClickHouseFact]
    public async Task An_error_after_rows_were_sent_is_still_the_servers_error()
    {
        using var http = new ClickHouseHttp(ClickHouseTestCluster.Url!);
        // throwIf fails on the row where number reaches 200000, after the first blocks have gone out.
        var error = await Should.ThrowAsync<ClickHouseException>(() =>
            ToListAsync(http.QueryAsync("late failure", "SELECT number, throwIf(number = 200000) AS x FROM system.numbers LIMIT 300000 SETTINGS max_block_size = 1000")));
        error.ServerCode.ShouldNotBeNull();
        error.Message.ShouldContain("refused late failure");
    }

    [ClickHouseFact]
    public async Task A_statement_that_runs_past_the_timeout_says_so()
    {
        using var http = new ClickHouseHttp(ClickHouseTestCluster.Url!, timeout: TimeSpan.FromSeconds(1));
        var error = await Should.ThrowAsync<ClickHouseException>(() => ToListAsync(http.QueryAsync("slow", "SELECT sleep(3)")));
        error.Message.ShouldBe($"ClickHouse at {http.Address} did not finish slow within 1 s");
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_said_so_in_one_line()
    {
        // Port 1 (tcpmux) is reserved and nothing listens on it on a test machine.
        using var http = new ClickHouseHttp("http://127.0.0.1:1/?database=almanac");
        var error = await Should.ThrowAsync<ClickHouseException>(() => http.ExecuteAsync("ping", "SELECT 1"));
        error.Message.ShouldStartWith("ClickHouse at http://127.0.0.1:1 does not answer");
        error.ServerCode.ShouldBeNull();

        var open = await Should.ThrowAsync<ClickHouseException>(() => ClickHouseUsageEvents.OpenAsync("http://127.0.0.1:1/?database=almanac"));
        open.Message.ShouldStartWith("ClickHouse at http://127.0.0.1:1 does not answer");
    }

    [Fact]
    public async Task External_data_goes_with_its_length_never_chunked()
    {
        // What the adapter puts on the wire, read by a listener that answers like a server with no rows:
        // the race of the real server's bare 400 (the test above) is rare, the cause is not.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var received = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            var head = new System.Text.StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
                head.Append((char)one[0]);
            var reply = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"u8.ToArray();
            await stream.WriteAsync(reply);
            return head.ToString();
        });
        using var http = new ClickHouseHttp($"http://127.0.0.1:{port}/?database=almanac");
        var ids = new ClickHouseExternalTable("ids", "id String", Enumerable.Range(0, 100).Select(n => (IReadOnlyList<string>)[n.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        (await ToListAsync(http.QueryAsync("count ids", "SELECT count() FROM ids", [ids]))).ShouldBeEmpty();

        var headers = (await received).ToLowerInvariant();
        headers.ShouldContain("content-type: multipart/form-data");
        headers.ShouldContain("content-length: ");
        headers.ShouldNotContain("transfer-encoding");
    }

    internal static async Task<List<ClickHouseRow>> ToListAsync(IAsyncEnumerable<ClickHouseRow> rows)
    {
        var list = new List<ClickHouseRow>();
        await foreach (var row in rows)
            list.Add(row);
        return list;
    }
}
