using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RedYifang.Functions.Platform;
using RedYifang.Functions.Platform.Problems;
using RedYifang.Functions.Platform.WeChat;
using static RedYifang.Functions.Platform.WeChat.WeChatPushCipher;

namespace RedYifang.Rules.Tests.Platform.WeChat;

/// <summary>
/// WeChat's secure mode (安全模式) for the message push: the app's decryption (Platform/WeChat/WeChatPushCipher.cs) against the
/// example of WeChat's documentation and against the loopback WeChat's own encryption (tests/RedYifang.Testing/
/// FakeWeChat.SecurePush.cs), its padding and length checks, the key's check at start, and what ReceiveWeChatPush does with a
/// push in each mode.
/// </summary>
public sealed class WeChatSecurePushTests
{
    // The example of the mini-program's 消息推送 documentation, 安全模式: Token AAAAA, EncodingAESKey 43 'A's (a key of zeros),
    // AppId wxba5fad812f8e6fb9; the push, and the reply WeChat's side encrypts with a fixed random part.
    private const string DocToken = "AAAAA";
    private const string DocKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string DocAppId = "wxba5fad812f8e6fb9";
    private const string DocEncrypt =
        "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZ"
        + "UXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwn"
        + "trA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";
    private const string DocMessage = "{\"ToUserName\":\"gh_97417a04a28d\",\"FromUserName\":\"o9AgO5Kd5ggOC-bXrbNODIiE3bGY\","
        + "\"CreateTime\":1714112445,\"MsgType\":\"event\",\"Event\":\"debug_demo\",\"debug_str\":\"hello world\"}";

    [Fact]
    public void The_documented_push_verifies_and_decrypts_to_the_documented_message_for_its_app_only()
    {
        Assert.Equal("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3",
            WeChatPushSignature.ComputeMessage(DocToken, "1714112445", "415670741", DocEncrypt));
        Assert.True(WeChatPushSignature.IsValidMessage(DocToken, "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445", "415670741",
            DocEncrypt));

        var cipher = new WeChatPushCipher(DocKey);
        Assert.Equal(Failure.None, cipher.Decrypt(DocEncrypt, DocAppId, out var message));
        Assert.Equal(167, message.Length);
        Assert.Equal(DocMessage, Encoding.UTF8.GetString(message));
        Assert.Equal(Failure.WrongAppId, cipher.Decrypt(DocEncrypt, "wx-test-app", out message));
        Assert.Empty(message);
    }

    [Theory]
    [InlineData("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445", "415670742")]    // nonce changed
    [InlineData("046e02f8204d34f8ba5fa3b1db94908f3df2e9b4", "1714112445", "415670741")]    // signature changed
    [InlineData("6c5c811b55cc85e0e1b54100749188c20beb3f5d", "1714112445", "415670741")]    // the plaintext signature of the push
    [InlineData(null, "1714112445", "415670741")]
    public void A_msg_signature_that_is_not_over_this_Encrypt_is_refused(string? msgSignature, string timestamp, string nonce)
    {
        Assert.False(WeChatPushSignature.IsValidMessage(DocToken, msgSignature, timestamp, nonce, DocEncrypt));
        Assert.False(WeChatPushSignature.IsValidMessage(DocToken, "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445",
            "415670741", DocEncrypt.Replace("+qdx", "+qdy", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_loopback_WeChat_encrypts_the_documented_reply_byte_for_byte()
    {
        var encrypt = FakeWeChat.Encrypt(DocKey, """{"demo_resp":"good luck"}""", DocAppId, "707722b803182950"u8.ToArray());

        Assert.Equal("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==", encrypt);
        Assert.Equal("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1", FakeWeChat.SignMessage(DocToken, "1713424427", "415670741", encrypt));
        Assert.Equal(Failure.None, new WeChatPushCipher(DocKey).Decrypt(encrypt, DocAppId, out var message));
        Assert.Equal("""{"demo_resp":"good luck"}""", Encoding.UTF8.GetString(message));
    }

    [Fact]
    public void Every_message_length_round_trips_through_WeChats_padding_with_a_random_key()
    {
        var key = FakeWeChat.NewEncodingAesKey();
        var cipher = new WeChatPushCipher(key);
        // 0–80 characters: every remainder modulo 32, so a whole block of padding (32 × 32) too; and multi-byte characters.
        foreach (var text in Enumerable.Range(0, 81).Select(n => new string('x', n)).Append("""{"Event":"审核结果","label":"色情"}"""))
        {
            var encrypt = FakeWeChat.Encrypt(key, text, "wx-test-app");
            Assert.Equal(0, Convert.FromBase64String(encrypt).Length % 32);
            Assert.Equal(Failure.None, cipher.Decrypt(encrypt, "wx-test-app", out var message));
            Assert.Equal(text, Encoding.UTF8.GetString(message));
        }
    }

    /// <summary>A ciphertext of exactly these bytes under the documented key (no padding added), as a forger holding the key would make.</summary>
    private static string Sealed(byte[] plain)
    {
        var key = Convert.FromBase64String(DocKey + "=");
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>random(16) + length + message + appid + the given padding bytes.</summary>
    private static byte[] Plain(int declaredLength, string message, string appId, params byte[] padding)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, declaredLength);
        return [.. new byte[16], .. length, .. Encoding.UTF8.GetBytes(message), .. Encoding.UTF8.GetBytes(appId), .. padding];
    }

    private static byte[] Pad(int count, byte value) => Enumerable.Repeat(value, count).ToArray();

    [Fact]
    public void Padding_lengths_and_base64_that_are_not_WeChats_are_refused()
    {
        var cipher = new WeChatPushCipher(DocKey);
        // 16 + 4 + 2 + 18 = 40 bytes of content: WeChat pads with 24 bytes of 24.
        Assert.Equal(Failure.None, cipher.Decrypt(Sealed(Plain(2, "{}", DocAppId, Pad(24, 24))), DocAppId, out _));

        Assert.Equal(Failure.BadPadding, cipher.Decrypt(Sealed(Plain(2, "{}", DocAppId, [.. Pad(23, 0), 0])), DocAppId, out _));
        Assert.Equal(Failure.BadPadding, cipher.Decrypt(Sealed(Plain(2, "{}", DocAppId, [.. Pad(23, 24), 23])), DocAppId, out _));
        Assert.Equal(Failure.BadPadding, cipher.Decrypt(Sealed(Plain(2, "{}", DocAppId, [.. Pad(22, 24), 7, 24])), DocAppId, out _));
        // 33 bytes of 33 (beyond WeChat's 32-byte padding) after 47 bytes of content.
        Assert.Equal(Failure.BadPadding, cipher.Decrypt(Sealed(Plain(9, "{\"a\":123}", DocAppId, Pad(33, 33))), DocAppId, out _));
        // A declared length beyond what is there; content shorter than random + length.
        Assert.Equal(Failure.BadLength, cipher.Decrypt(Sealed(Plain(41, "{}", DocAppId, Pad(24, 24))), DocAppId, out _));
        Assert.Equal(Failure.BadLength, cipher.Decrypt(Sealed([.. new byte[16], .. Pad(16, 16)]), DocAppId, out _));
        // The appid's bytes counted into the message: what is left is not the app's id.
        Assert.Equal(Failure.WrongAppId, cipher.Decrypt(Sealed(Plain(3, "{}", DocAppId, Pad(24, 24))), DocAppId, out _));

        Assert.Equal(Failure.NotBase64, cipher.Decrypt("not base64!", DocAppId, out _));
        Assert.Equal(Failure.NotWholeBlocks, cipher.Decrypt("", DocAppId, out _));
        Assert.Equal(Failure.NotWholeBlocks, cipher.Decrypt(Convert.ToBase64String(new byte[33]), DocAppId, out _));
        // Another key: the padding or the appid gives it away, never a message.
        Assert.NotEqual(Failure.None, new WeChatPushCipher(FakeWeChat.NewEncodingAesKey()).Decrypt(DocEncrypt, DocAppId, out var other));
        Assert.Empty(other);
    }

    [Theory]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", true)]      // WeChat's sample key: its last letter has spare bits set
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]       // 42: a character lost in the copy
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", false)]     // 44: the '=' already added
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+", false)]      // not only letters and digits
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA ", false)]
    public void An_EncodingAESKey_is_43_letters_and_digits_that_decode_to_32_bytes(string key, bool valid)
    {
        Assert.Equal(valid, WeChatPushCipher.ParseKey(key) is { Length: 32 });
        var failure = new WeChatPushOptionsValidation(Options.Create(new WeChatOptions { AppId = "wx-test-app" }))
            .Validate(null, new WeChatPushOptions { Token = "t", EncodingAESKey = key });
        Assert.Equal(valid, failure.Succeeded);
        if (!valid)
        {
            Assert.Contains($"it has {key.Length} characters", failure.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain(key, failure.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secure_mode_needs_the_token_and_the_app_id_and_plaintext_mode_needs_neither_key_check()
    {
        WeChatPushOptionsValidation Validation(string appId) => new(Options.Create(new WeChatOptions { AppId = appId }));

        var missing = Validation("").Validate(null, new WeChatPushOptions { EncodingAESKey = DocKey });
        Assert.Equal(2, missing.Failures!.Count());
        Assert.Contains(missing.Failures!, f => f.Contains("WeChatPush:Token is not", StringComparison.Ordinal));
        Assert.Contains(missing.Failures!, f => f.Contains("WeChat:AppId is not", StringComparison.Ordinal));
        Assert.True(Validation("").Validate(null, new WeChatPushOptions { Token = "t" }).Succeeded);
        Assert.True(Validation("").Validate(null, new WeChatPushOptions()).Succeeded);
    }

    [Fact]
    public void The_app_checks_the_key_with_its_settings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["WeChat:AppId"] = "wx-test-app",
            ["WeChatPush:Token"] = "t",
            ["WeChatPush:EncodingAESKey"] = DocKey[1..],
        }).Build();
        using var provider = new ServiceCollection().AddPlatform(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WeChatPushOptions>>().Value);
        Assert.Contains("WeChatPush:EncodingAESKey must be the 43 letters and digits", failure.Message, StringComparison.Ordinal);
    }

    private sealed class Recorder : IWeChatPushHandler
    {
        public List<string> Handled { get; } = [];

        public string Event => "wxa_media_check";

        public Task HandleAsync(JsonElement message, CancellationToken ct)
        {
            Handled.Add(message.GetProperty("trace_id").GetString()!);
            return Task.CompletedTask;
        }
    }

    private static (ReceiveWeChatPush Push, Recorder Handler) Receiver(string encodingAesKey)
    {
        var handler = new Recorder();
        var push = new ReceiveWeChatPush(Options.Create(new WeChatPushOptions { Token = DocToken, EncodingAESKey = encodingAesKey }),
            Options.Create(new WeChatOptions { AppId = FakeWeChat.AppId }), [handler], NullLogger<ReceiveWeChatPush>.Instance);
        return (push, handler);
    }

    private const string Event = """{"MsgType":"event","Event":"wxa_media_check","trace_id":"t1","result":{"suggest":"pass"}}""";

    private static WeChatPushQuery Plaintext(string timestamp = "1714037059", string nonce = "486452656") =>
        new(FakeWeChat.Sign(DocToken, timestamp, nonce), timestamp, nonce, null, null);

    private static WeChatPushQuery Secure(string encrypt, string timestamp = "1714112445", string nonce = "415670741") =>
        new(FakeWeChat.Sign(DocToken, timestamp, nonce), timestamp, nonce, "aes",
            FakeWeChat.SignMessage(DocToken, timestamp, nonce, encrypt));

    private static Func<Task<byte[]>> Body(string body) => () => Task.FromResult(Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task Without_a_key_a_signed_plaintext_push_is_handled_and_an_encrypted_only_one_is_not_taken_for_delivered()
    {
        var (push, handler) = Receiver("");
        await push.ReceiveAsync(Plaintext(), Body(Event), CancellationToken.None);
        Assert.Equal(["t1"], handler.Handled);

        var encrypted = FakeWeChat.EncryptedBody(FakeWeChat.Encrypt(DocKey, Event, FakeWeChat.AppId));
        var failure = await Assert.ThrowsAsync<UnavailableException>(() => push.ReceiveAsync(Plaintext(), Body(encrypted),
            CancellationToken.None));
        Assert.Equal("wechat_push_not_configured", failure.Code);
        Assert.Equal(["t1"], handler.Handled);
    }

    [Fact]
    public async Task With_a_key_only_an_encrypted_push_signed_over_its_ciphertext_for_this_app_is_handled()
    {
        var (push, handler) = Receiver(DocKey);
        var encrypt = FakeWeChat.Encrypt(DocKey, Event, FakeWeChat.AppId);
        await push.ReceiveAsync(Secure(encrypt), Body(FakeWeChat.EncryptedBody(encrypt)), CancellationToken.None);
        Assert.Equal(["t1"], handler.Handled);

        async Task<string> Refused(WeChatPushQuery query, string body, bool bodyRead = true)
        {
            var read = false;
            var failure = await Assert.ThrowsAsync<ForbiddenException>(() => push.ReceiveAsync(query, () =>
            {
                read = true;
                return Body(body)();
            }, CancellationToken.None));
            Assert.Equal(bodyRead, read);
            return failure.Code;
        }

        // Plaintext, validly signed: refused unread, since its signature does not cover the body.
        Assert.Equal("wechat_push_encryption_required", await Refused(Plaintext(), Event, bodyRead: false));
        Assert.Equal("wechat_signature_invalid", await Refused(Secure(encrypt) with { MsgSignature = null }, Event, bodyRead: false));
        var other = FakeWeChat.Encrypt(DocKey, Event.Replace("t1", "t2", StringComparison.Ordinal), FakeWeChat.AppId);
        Assert.Equal("wechat_signature_invalid", await Refused(Secure(encrypt), FakeWeChat.EncryptedBody(other)));
        Assert.Equal("wechat_signature_invalid", await Refused(Secure(encrypt), Event));
        var elsewhere = FakeWeChat.Encrypt(DocKey, Event, DocAppId);
        Assert.Equal("wechat_push_decryption_failed", await Refused(Secure(elsewhere), FakeWeChat.EncryptedBody(elsewhere)));
        var otherKey = FakeWeChat.Encrypt(FakeWeChat.NewEncodingAesKey(), Event, FakeWeChat.AppId);
        Assert.Equal("wechat_push_decryption_failed", await Refused(Secure(otherKey), FakeWeChat.EncryptedBody(otherKey)));
        Assert.Equal(["t1"], handler.Handled);
    }
}
