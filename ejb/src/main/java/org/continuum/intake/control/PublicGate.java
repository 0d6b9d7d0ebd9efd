package org.continuum.intake.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.continuum.security.control.FieldCipher;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What stands between the public pages and the database, without any third party: a one-time form token (keyed with
 * the blind-index key, so it cannot be made outside the server; a form sent back sooner than a person could fill it,
 * or hours later, is refused; its digest is the request's unique key, so a token is spent once) and sliding-window
 * limits per client address and for the whole server, on requests sent and on wrong receipt codes. Counts live in
 * memory: a restart forgets them, which errs towards letting a person through.
 */
@ApplicationScoped
public class PublicGate {

    /** The limits, from system properties so an organisation under a flood can tighten them. */
    record Limits(int perAddress, int global, Duration window) {
    }

    static final Duration TOKEN_MIN_AGE = Duration.ofSeconds(Long.getLong("continuum.request.minSeconds", 3));
    static final Duration TOKEN_MAX_AGE = Duration.ofHours(4);
    static final Limits REQUESTS = new Limits(Integer.getInteger("continuum.request.perAddressPerHour", 5),
            Integer.getInteger("continuum.request.perHour", 200), Duration.ofHours(1));
    static final Limits WRONG_CODES = new Limits(10, 1000, Duration.ofMinutes(15));
    private static final int MAX_ADDRESSES = 50_000;
    private static final String ALL = "*";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    FieldCipher cipher;

    private final Map<String, Deque<Instant>> requests = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> wrongCodes = new ConcurrentHashMap<>();
    Clock clock = Clock.systemUTC();

    /** A new token for a form shown now. */
    public String token() {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String issued = Long.toString(clock.instant().getEpochSecond());
        return signed(issued + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
    }

    /**
     * The digest that identifies the request sent with {@code token}, or the bundle key saying why the token is
     * refused ({@code request.token.*}).
     */
    public TokenCheck check(String token) {
        Optional<String[]> fields = opened(token);
        if (fields.isEmpty()) {
            return TokenCheck.refused("request.token.invalid");
        }
        Instant issued;
        try {
            issued = Instant.ofEpochSecond(Long.parseLong(fields.get()[0]));
        } catch (NumberFormatException e) {
            return TokenCheck.refused("request.token.invalid");
        }
        Duration age = Duration.between(issued, clock.instant());
        if (age.compareTo(TOKEN_MIN_AGE) < 0) {
            return TokenCheck.refused("request.token.tooFast");
        }
        if (age.compareTo(TOKEN_MAX_AGE) > 0) {
            return TokenCheck.refused("request.token.expired");
        }
        return new TokenCheck(sha256(fields.get()[0] + "." + fields.get()[1]), null);
    }

    /** A token's verdict: the request's digest, or why it is refused. */
    public record TokenCheck(String digest, String refusal) {
        static TokenCheck refused(String key) {
            return new TokenCheck(null, key);
        }

        public boolean valid() {
            return refusal == null;
        }
    }

    static final Duration TICKET_LIFETIME = Duration.ofMinutes(30);

    /** A ticket naming request {@code requestId} for the next half hour (the receipt page's answer form). */
    public String ticket(long requestId) {
        return signed("r" + requestId + "." + clock.instant().plus(TICKET_LIFETIME).getEpochSecond());
    }

    /** The request a ticket names, while it is valid. */
    public Optional<Long> ticketRequest(String ticket) {
        Optional<String[]> fields = opened(ticket).filter(f -> f[0].length() > 1 && f[0].startsWith("r"));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(fields.get()[0].substring(1));
            Instant until = Instant.ofEpochSecond(Long.parseLong(fields.get()[1]));
            return clock.instant().isAfter(until) ? Optional.empty() : Optional.of(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code body} ("first.second") with its signature appended. */
    private String signed(String body) {
        return body + "." + mac(body);
    }

    /** The two fields of a value {@link #signed} made, when its signature holds; empty for anything else. */
    private Optional<String[]> opened(String value) {
        if (value == null || value.length() > 200) {
            return Optional.empty();
        }
        int first = value.indexOf('.');
        int last = value.lastIndexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String body = value.substring(0, last);
        byte[] given = value.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
        // Every index key signs: a form opened just before an index rotation can still be sent.
        if (macs(body).stream().noneMatch(mac -> MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
                given))) {
            return Optional.empty();
        }
        return Optional.of(new String[] {value.substring(0, first), value.substring(first + 1, last)});
    }

    /** May a request from {@code address} be stored now? */
    public boolean requestAllowed(String address) {
        return allowed(requests, REQUESTS, address);
    }

    /** A request from {@code address} was stored. */
    public void requestStored(String address) {
        count(requests, REQUESTS, address);
    }

    /** May a receipt code from {@code address} be checked now? */
    public boolean codeAllowed(String address) {
        return allowed(wrongCodes, WRONG_CODES, address);
    }

    /** A wrong receipt code came from {@code address}. */
    public void codeWrong(String address) {
        count(wrongCodes, WRONG_CODES, address);
    }

    private boolean allowed(Map<String, Deque<Instant>> counts, Limits limits, String address) {
        Instant now = clock.instant();
        return recent(counts, limits, ALL, now) < limits.global()
                && recent(counts, limits, key(address), now) < limits.perAddress();
    }

    private void count(Map<String, Deque<Instant>> counts, Limits limits, String address) {
        Instant now = clock.instant();
        if (counts.size() > MAX_ADDRESSES) {
            counts.entrySet().removeIf(e -> !e.getKey().equals(ALL) && recent(counts, limits, e.getKey(), now) == 0);
        }
        for (String key : new String[] {ALL, key(address)}) {
            Deque<Instant> times = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    private static int recent(Map<String, Deque<Instant>> counts, Limits limits, String key, Instant now) {
        Deque<Instant> times = counts.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant from = now.minus(limits.window());
            while (!times.isEmpty() && times.peekFirst().isBefore(from)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private static String key(String address) {
        return address == null || address.isBlank() ? "?" : address;
    }

    private String mac(String body) {
        return cipher.blindIndex("public-form-token " + body);
    }

    private List<String> macs(String body) {
        return cipher.blindIndexes("public-form-token " + body);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
