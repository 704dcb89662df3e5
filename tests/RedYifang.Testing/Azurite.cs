using System.Diagnostics;
using System.Net.Sockets;

namespace RedYifang.Testing;

/// <summary>
/// A private Azurite (the project's own, from node_modules) on free loopback ports with a temporary data
/// folder. Stop and start it again on the same ports and folder to test outages. Its last output lines are kept,
/// for the exception when it does not come up and for a test's own failure message.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    // Azurite's published development account; not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Sets of ports tried by <see cref="StartNewAsync()"/>: a free port can be taken by another process
    /// between being found free and Azurite binding it.</summary>
    public const int PortAttempts = 3;

    private const int LinesKept = 200;
    // A guard against a hang, not a measure: on a shared 2-core machine running several suites at once (load 45 seen),
    // node took over 30 s to print Azurite's first line. A start that fails outright is seen at once, by its exit.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Func<int> _nextPort;
    private readonly bool _inMemory;
    private readonly Queue<string> _output = new();
    private Process? _process;

    private Azurite(Func<int> nextPort, bool inMemory = false)
    {
        _nextPort = nextPort;
        _inMemory = inMemory;
        TakePorts();
    }

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    /// <summary>The temporary data folder, deleted on dispose.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("azurite-").FullName;

    /// <summary>How many sets of ports the first start took (more than one when a port turned out to be taken).</summary>
    public int PortSetsTried { get; private set; } = 1;

    /// <summary>Azurite's last output lines (stdout and stderr, at most 200), oldest first, over all its starts.</summary>
    public IReadOnlyList<string> RecentOutput
    {
        get
        {
            lock (_output) return [.. _output];
        }
    }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static Task<Azurite> StartNewAsync() => StartNewAsync(FreePort.Next);

    /// <summary>
    /// One that keeps its data in memory only (<c>--inMemoryPersistence</c>), for benchmarks: with a folder, Azurite's table
    /// store (LokiJS) saves the whole store every 5 s while anything changed, and each save holds every request until it is
    /// done — for seconds once a store holds some 50,000 rows — landing on whatever call is being timed. Lost on
    /// <see cref="StopAsync"/>, so not for outage tests.
    /// </summary>
    public static Task<Azurite> StartInMemoryAsync() => StartAsync(new Azurite(FreePort.Next, inMemory: true));

    /// <summary>Starts one on ports from <paramref name="nextPort"/>, taking a fresh set when one is taken, up to
    /// <see cref="PortAttempts"/> sets.</summary>
    /// <param name="nextPort">Hands out ports, three per set (blob, queue, table): <see cref="FreePort.Next"/>, or a
    /// test's own that hands out a taken one.</param>
    public static Task<Azurite> StartNewAsync(Func<int> nextPort) => StartAsync(new Azurite(nextPort));

    private static async Task<Azurite> StartAsync(Azurite azurite)
    {
        try
        {
            while (true)
            {
                var outcome = await azurite.LaunchAsync();
                if (outcome == Outcome.Up) return azurite;
                if (outcome != Outcome.PortTaken || azurite.PortSetsTried == PortAttempts) throw azurite.DidNotComeUp(outcome);
                azurite.TakePorts();
                azurite.PortSetsTried++;
            }
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts it again after <see cref="StopAsync"/>, on the same ports and folder (its connection string holds).</summary>
    public async Task StartAsync()
    {
        var outcome = await LaunchAsync();
        if (outcome != Outcome.Up) throw DidNotComeUp(outcome);
    }

    /// <summary>Stops Azurite with SIGTERM (it flushes and exits cleanly) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        await ChildProcess.StopAsync(_process, TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary folder left behind is no reason to fail the test that used it.
            }
        }
    }

    private enum Outcome { Up, PortTaken, Exited, TimedOut }

    private void TakePorts() => (BlobPort, QueuePort, TablePort) = (_nextPort(), _nextPort(), _nextPort());

    /// <summary>
    /// Starts the process and waits until Azurite says each of its three services listens on its port. That line, not
    /// a port answering, is the sign: a port taken by another process answers too, while Azurite fails to bind it.
    /// </summary>
    private async Task<Outcome> LaunchAsync()
    {
        var ports = new[] { BlobPort, QueuePort, TablePort };
        var listening = new HashSet<int>();
        var portTaken = false;
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Azurite refuses a folder (--location) with --inMemoryPersistence.
        foreach (var arg in (_inMemory ? ["--inMemoryPersistence"] : new[] { "--location", Folder }).Concat(new[]
                 {
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
                     "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                 }))
        {
            start.ArgumentList.Add(arg);
        }

        void Received(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not { } line) return;
            lock (_output)
            {
                Remember(line);
                // "Azurite Blob service is successfully listening at http://127.0.0.1:PORT"; "… EADDRINUSE …" when a port is taken.
                if (line.Contains("successfully listening at", StringComparison.Ordinal))
                {
                    listening.UnionWith(ports.Where(p => line.TrimEnd().EndsWith($":{p}", StringComparison.Ordinal)));
                }
                portTaken |= line.Contains("EADDRINUSE", StringComparison.Ordinal);
            }
        }

        Remember($"[test] starting Azurite on blob {BlobPort}, queue {QueuePort}, table {TablePort}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process = process;
        process.OutputDataReceived += Received;
        process.ErrorDataReceived += Received;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            lock (_output)
            {
                if (listening.Count == ports.Length) return Outcome.Up;
            }
            if (process.HasExited)
            {
                await process.WaitForExitAsync();      // and for the rest of its output
                await StopAsync();
                lock (_output) return portTaken ? Outcome.PortTaken : Outcome.Exited;
            }
            if (DateTime.UtcNow > deadline)
            {
                await StopAsync();
                return Outcome.TimedOut;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Keeps a line, forgetting the oldest past <see cref="LinesKept"/>.</summary>
    private void Remember(string line)
    {
        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > LinesKept) _output.Dequeue();
        }
    }

    private InvalidOperationException DidNotComeUp(Outcome outcome)
    {
        var why = outcome switch
        {
            Outcome.PortTaken => $"a port was taken in each of {PortSetsTried} set(s) of ports",
            Outcome.Exited => "it exited",
            _ => $"its services did not all listen within {StartTimeout.TotalSeconds:0} s",
        };
        var tail = RecentOutput.TakeLast(40);
        return new InvalidOperationException($"Azurite did not come up ({why}). Its last output lines:\n{string.Join('\n', tail)}");
    }

    /// <summary>node_modules/.bin/azurite of the repository this test runs in (installed by test.sh from package.json).</summary>
    private static string Executable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("node_modules/.bin/azurite not found above the test folder: run `npm ci` (test.sh does).");
    }
}

public static class FreePort
{
    private static readonly HashSet<int> Taken = [];

    /// <summary>A loopback port that nothing listens on now and that this process has not handed out before.</summary>
    public static int Next()
    {
        lock (Taken)
        {
            while (true)
            {
                var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
                listener.Start();
                var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Taken.Add(port)) return port;
            }
        }
    }
}
