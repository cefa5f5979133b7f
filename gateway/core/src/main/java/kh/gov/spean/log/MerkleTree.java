package kh.gov.spean.log;

import java.util.HashMap;
import java.util.Map;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree hashed as RFC 9162 §2.1: SHA-256, leaf hash {@code H(0x00 || leaf)}, node hash
 * {@code H(0x01 || left || right)}. Appends are O(log n) (a stack of complete subtree roots); the leaf hashes are kept
 * so that inclusion (§2.1.3) and consistency (§2.1.4) proofs can be made for any size. Not thread-safe.
 */
public final class MerkleTree {

    static final int HASH_BYTES = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    /** Complete, aligned subtrees at least this large never change once full: their hashes are kept. */
    private static final int CACHED_SUBTREE = 256;

    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<Long, byte[]> completeSubtrees = new HashMap<>();
    /** Roots of the complete subtrees that make up the tree, largest first (the "compact range"). */
    private final List<byte[]> frontier = new ArrayList<>();

    public long size() {
        return leaves.size();
    }

    /** Appends a leaf (the exact bytes of a log entry) and returns its leaf hash. */
    public byte[] append(byte[] leaf) {
        byte[] hash = leafHash(leaf);
        appendLeafHash(hash);
        return hash;
    }

    public void appendLeafHash(byte[] leafHash) {
        leaves.add(leafHash);
        frontier.add(leafHash);
        // Merge equal-sized subtrees: after appending leaf number n, one merge per trailing 1-bit of n.
        for (long n = leaves.size(); (n & 1) == 0; n >>= 1) {
            byte[] right = frontier.remove(frontier.size() - 1);
            byte[] left = frontier.remove(frontier.size() - 1);
            frontier.add(nodeHash(left, right));
        }
    }

    /** The root of the whole tree (MTH of all leaves); the hash of the empty string for an empty tree. */
    public byte[] root() {
        if (frontier.isEmpty()) {
            return sha256(new byte[0]);
        }
        byte[] root = frontier.get(frontier.size() - 1);
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = nodeHash(frontier.get(i), root);
        }
        return root;
    }

    /** The root of the tree made of the first {@code size} leaves. */
    public byte[] root(long size) {
        checkSize(size);
        return size == 0 ? sha256(new byte[0]) : subtree(0, (int) size);
    }

    public byte[] leafHashAt(long index) {
        return leaves.get(Math.toIntExact(index)).clone();
    }

    /** RFC 9162 §2.1.3.1: the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public List<byte[]> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(Math.toIntExact(index), 0, Math.toIntExact(size), path);
        return path;
    }

    /** RFC 9162 §2.1.4.1: the proof that the tree of size {@code second} extends the tree of size {@code first}. */
    public List<byte[]> consistencyProof(long first, long second) {
        checkSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("cannot prove " + first + " -> " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(Math.toIntExact(first), 0, Math.toIntExact(second), true, proof);
        }
        return proof;
    }

    /** RFC 9162 §2.1.3.2: checks an inclusion proof against a root. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** RFC 9162 §2.1.4.2: checks a consistency proof between two roots. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 0 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(leaf);
        return digest.digest();
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** MTH(D[start:end]), RFC 9162 §2.1.1. */
    private byte[] subtree(int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leaves.get(start);
        }
        boolean cacheable = n >= CACHED_SUBTREE && Integer.bitCount(n) == 1 && start % n == 0;
        Long key = cacheable ? ((long) start << 32) | n : null;
        byte[] cached = cacheable ? completeSubtrees.get(key) : null;
        if (cached != null) {
            return cached;
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] hash = nodeHash(subtree(start, start + k), subtree(start + k, end));
        if (cacheable) {
            completeSubtrees.put(key, hash);
        }
        return hash;
    }

    private void path(int index, int start, int end, List<byte[]> path) {
        int n = end - start;
        if (n <= 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(index, start, start + k, path);
            path.add(subtree(start + k, end));
        } else {
            path(index - k, start + k, end, path);
            path.add(subtree(start, start + k));
        }
    }

    private void subproof(int m, int start, int end, boolean complete, List<byte[]> proof) {
        int n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(subtree(start, end));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, proof);
            proof.add(subtree(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(subtree(start, start + k));
        }
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private void checkSize(long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("the tree has " + leaves.size() + " leaves, not " + size);
        }
    }

    private static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
