using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RedYifang.Functions.Evidence;
using RedYifang.Testing;
using SkiaSharp;

namespace RedYifang.Bench;

/// <summary>
/// Issue 5's benchmark. (1) Peak resident memory of the function host process (the local host, a child process of
/// its own per size) while a 2 MB and a 200 MB document stream through <c>POST /v1/evidence</c>. (2) Photo
/// processing throughput for 12-megapixel JPEGs against merely decoding and re-encoding them with SkiaSharp.
/// (3) Peak memory of processing a 40-MP photo and of refusing a decompression bomb (issue 11).
/// </summary>
public static class EvidenceBench
{
    public static async Task<int> RunAsync()
    {
        await using var storage = await Azurite.StartNewAsync();
        var small = await UploadPeakAsync(storage, 2L << 20);
        var large = await UploadPeakAsync(storage, 200L << 20);
        Console.WriteLine($"document upload, 2 MB:   host peak RSS {small.PeakMb,7:0.0} MB ({small.Seconds:0.00} s)");
        Console.WriteLine($"document upload, 200 MB: host peak RSS {large.PeakMb,7:0.0} MB ({large.Seconds:0.00} s)");
        Console.WriteLine($"difference: {large.PeakMb - small.PeakMb:0.0} MB (goal ≤ 32 MB)");
        PhotoThroughput();
        await PhotoPeaksAsync();
        return 0;
    }

    /// <summary>
    /// Peak resident memory of processing one photo as the processor does (header limits, then a downsampled decode),
    /// each in a child process of its own whose peak is reset just before: a 40-MP JPEG, a 40-MP PNG (PNG cannot be
    /// decoded downsampled: the worst case) and a 12000 × 12000 PNG decompression bomb, which must be refused.
    /// </summary>
    private static async Task PhotoPeaksAsync()
    {
        var folder = Directory.CreateTempSubdirectory("photo-peaks-").FullName;
        try
        {
            var cases = new (string Name, byte[] Bytes)[]
            {
                ("40-MP JPEG 7744×5164", Photos.Jpeg(950, 7744, 5164)),
                ("40-MP PNG 7744×5164", Png(Photos.Jpeg(951, 7744, 5164))),
                ("12000×12000 PNG bomb", Photos.BlackPng(12000, 12000)),
            };
            foreach (var (name, bytes) in cases)
            {
                var path = Path.Combine(folder, Guid.NewGuid().ToString("N"));
                await File.WriteAllBytesAsync(path, bytes);
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
                foreach (var a in new[] { typeof(EvidenceBench).Assembly.Location, "photo-peak", path }) start.ArgumentList.Add(a);
                using var child = Process.Start(start)!;
                var output = (await child.StandardOutput.ReadToEndAsync()).Trim();
                await child.WaitForExitAsync();
                var parts = output.Split(' ');
                var (before, peak) = (double.Parse(parts[0]), double.Parse(parts[1]));
                Console.WriteLine(
                    $"{name} ({bytes.Length / 1024.0:0} kB): RSS {before:0.0} MB before, peak {peak:0.0} MB → +{peak - before:0.0} MB, {parts[2]}");
            }
            var limits = new EvidenceOptions();
            var pixels = limits.MaxPixels * 4 / 1_000_000;
            var kept = (long)limits.KeptSide * limits.KeptSide * 4 / 1_000_000;
            var perPhoto = pixels + (2 * kept) + (limits.MaxImageBytes >> 20);
            Console
                .WriteLine($"stated bound per photo: decoded pixels ≤ {pixels} MB + kept copy and encoder working copy ≤ 2 × {kept} MB " +
                    $"+ the file ≤ {limits.MaxImageBytes >> 20} MB = {perPhoto} MB; " +
                    $"× {limits.PhotoConcurrency} at once = {perPhoto * limits.PhotoConcurrency} MB. " +
                    "Goal for the bomb: < 10 MB");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Run in a child process: processes one photo file and prints "RSS-before peak outcome" in MB.</summary>
    public static int PhotoPeak(string path)
    {
        var limits = new EvidenceOptions();
        ImageWork.Process(Photos.Jpeg(1));                         // load SkiaSharp's native library and JIT the path first
        var bytes = File.ReadAllBytes(path);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");           // resets VmHWM (the peak) to the current RSS
        var before = Status("VmRSS");
        var refusal = ProcessEvidence.Refusal(ImageWork.Dimensions(bytes), limits);
        var image = refusal is null ? ImageWork.Process(bytes, limits.KeptSide) : null;
        var peak = Status("VmHWM");
        string outcome;
        if (refusal is not null) outcome = $"refused:{refusal}";
        else if (image is null) outcome = "undecodable";
        else outcome = $"kept:{image.Width}×{image.Height}";
        Console.WriteLine(FormattableString.Invariant($"{before:0.0} {peak:0.0} {outcome}"));
        return 0;
    }

    private static double Status(string field) =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith(field + ":"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).First();

    private static byte[] Png(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 1);
        return data.ToArray();
    }

    private static async Task<(double PeakMb, double Seconds)> UploadPeakAsync(Azurite storage, long bytes)
    {
        var port = FreePort.Next();
        var settings = Path.GetTempFileName();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["Auth__SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["Auth__DevLogin"] = "true",
            ["Auth__BootstrapAdmins"] = "bench-admin",
            ["Evidence__MaxDocumentBytes"] = (300L << 20).ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in TimerSchedules.Production) values[key.Replace(":", "__")] = value;
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { Values = values }));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { LocalHostDll(), "--settings", settings, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        using var host = Process.Start(start)!;
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(10) };
            for (var i = 0; i < 100 && !await UpAsync(http); i++) await Task.Delay(200);
            var login = await (await http.PostAsJsonAsync("api/v1/auth/dev", new { openId = "bench-admin" })).Content
                .ReadFromJsonAsync<JsonObject>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!["accessToken"]!.GetValue<string>());
            var district = await (await http.PostAsJsonAsync("api/v1/orgs", new { kind = "district", name = "基准区" + port })).Content
                .ReadFromJsonAsync<JsonObject>();
            var clock = Stopwatch.StartNew();
            using var form = new MultipartFormDataContent
            {
                { new StringContent("org"), "ownerType" },
                { new StringContent(district!["id"]!.GetValue<string>()), "ownerId" },
            };
            var file = new StreamContent(new PdfLikeStream(bytes), 64 * 1024);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "big.pdf");
            var response = await http.PostAsync("api/v1/evidence", form);
            if ((int)response.StatusCode != 201) throw new InvalidOperationException(
                $"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            clock.Stop();
            return (PeakMb(host.Id), clock.Elapsed.TotalSeconds);
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            File.Delete(settings);
        }
    }

    private static void PhotoThroughput()
    {
        var photos = Enumerable.Range(0, 6).Select(i => Photos.Jpeg(900 + i, 4000, 3000)).ToList();
        ImageWork.Process(photos[0]);
        Reencode(photos[0]);
        var processing = Time(() => photos.ForEach(p => ImageWork.Process(p)));
        var baseline = Time(() => photos.ForEach(p => Reencode(p)));
        Console.WriteLine($"12-megapixel JPEGs: processing {photos.Count / processing:0.00}/s, " +
                          $"decode + re-encode only {photos.Count / baseline:0.00}/s, " +
                          $"ratio {processing / baseline:0.00}x the baseline's time");
    }

    private static void Reencode(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 88);
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<bool> UpAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("api/health")).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static double PeakMb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).First();

    private static string LocalHostDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(
                dir.FullName,
                "functions",
                "RedYifang.LocalHost",
                "bin",
                "Release",
                "net10.0",
                "RedYifang.LocalHost.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("Build functions/RedYifang.LocalHost in Release first.");
    }

    /// <summary>A PDF header followed by generated bytes: a large body that the bench never holds in memory.</summary>
    private sealed class PdfLikeStream(long length) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                var p = _position + i;
                buffer[offset + i] = p < Header.Length ? Header[p] : (byte)('a' + (p % 26));
            }
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
