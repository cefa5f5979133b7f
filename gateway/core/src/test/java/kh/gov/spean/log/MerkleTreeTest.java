package kh.gov.spean.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The incremental tree against an independent, literal transcription of RFC 9162 §2.1 (MTH, PATH, PROOF): same roots,
 * same proofs, and proofs that verify — or fail once altered.
 */
class MerkleTreeTest {

    static final int MAX = 40;

    @Test
    void roots_match_the_rfc_definition_for_every_size() throws Exception {
        MerkleTree tree = new MerkleTree();
        List<byte[]> leaves = new ArrayList<>();
        assertArrayEquals(Reference.mth(leaves), tree.root());
        for (int n = 1; n <= 70; n++) {
            byte[] leaf = ("entry " + n).getBytes(StandardCharsets.UTF_8);
            leaves.add(leaf);
            tree.append(leaf);
            assertArrayEquals(Reference.mth(leaves), tree.root(), "size " + n);
            assertArrayEquals(Reference.mth(leaves.subList(0, n / 2)), tree.root(n / 2), "prefix of size " + n);
        }
    }

    @Test
    void inclusion_proofs_match_the_rfc_definition_and_verify() throws Exception {
        List<byte[]> leaves = leaves(MAX);
        MerkleTree tree = treeOf(leaves);
        for (int n = 1; n <= MAX; n++) {
            byte[] root = Reference.mth(leaves.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = tree.inclusionProof(m, n);
                assertTrue(same(Reference.path(m, leaves.subList(0, n)), proof), "PATH(" + m + ", " + n + ")");
                assertTrue(MerkleTree.verifyInclusion(Reference.leafHash(leaves.get(m)), m, n, proof, root));
                if (!proof.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(proof);
                    byte[] flipped = altered.get(0).clone();
                    flipped[0] ^= 1;
                    altered.set(0, flipped);
                    assertFalse(MerkleTree.verifyInclusion(Reference.leafHash(leaves.get(m)), m, n, altered, root));
                }
            }
        }
    }

    @Test
    void consistency_proofs_match_the_rfc_definition_and_verify() throws Exception {
        List<byte[]> leaves = leaves(MAX);
        MerkleTree tree = treeOf(leaves);
        for (int n = 1; n <= MAX; n++) {
            byte[] second = Reference.mth(leaves.subList(0, n));
            for (int m = 1; m <= n; m++) {
                byte[] first = Reference.mth(leaves.subList(0, m));
                List<byte[]> proof = tree.consistencyProof(m, n);
                assertTrue(same(Reference.proof(m, leaves.subList(0, n)), proof), "PROOF(" + m + ", " + n + ")");
                assertTrue(MerkleTree.verifyConsistency(m, n, first, second, proof), m + " -> " + n);
                if (m < n) {
                    byte[] wrongFirst = first.clone();
                    wrongFirst[31] ^= 1;
                    assertFalse(MerkleTree.verifyConsistency(m, n, wrongFirst, second, proof), "forged " + m + " -> " + n);
                }
            }
        }
    }

    static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }

    static MerkleTree treeOf(List<byte[]> leaves) {
        MerkleTree tree = new MerkleTree();
        leaves.forEach(tree::append);
        return tree;
    }

    static boolean same(List<byte[]> expected, List<byte[]> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 written out as the RFC states them, recursively. */
    static final class Reference {

        static byte[] mth(List<byte[]> d) throws Exception {
            int n = d.size();
            if (n == 0) {
                return MessageDigest.getInstance("SHA-256").digest();
            }
            if (n == 1) {
                return leafHash(d.get(0));
            }
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            return node(mth(d.subList(0, k)), mth(d.subList(k, n)));
        }

        static List<byte[]> path(int m, List<byte[]> d) throws Exception {
            int n = d.size();
            List<byte[]> result = new ArrayList<>();
            if (n == 1) {
                return result;
            }
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            if (m < k) {
                result.addAll(path(m, d.subList(0, k)));
                result.add(mth(d.subList(k, n)));
            } else {
                result.addAll(path(m - k, d.subList(k, n)));
                result.add(mth(d.subList(0, k)));
            }
            return result;
        }

        static List<byte[]> proof(int m, List<byte[]> d) throws Exception {
            return subproof(m, d, true);
        }

        static List<byte[]> subproof(int m, List<byte[]> d, boolean b) throws Exception {
            int n = d.size();
            List<byte[]> result = new ArrayList<>();
            if (m == n) {
                if (!b) {
                    result.add(mth(d));
                }
                return result;
            }
            int k = 1;
            while (k * 2 < n) {
                k *= 2;
            }
            if (m <= k) {
                result.addAll(subproof(m, d.subList(0, k), b));
                result.add(mth(d.subList(k, n)));
            } else {
                result.addAll(subproof(m - k, d.subList(k, n), false));
                result.add(mth(d.subList(0, k)));
            }
            return result;
        }

        static byte[] leafHash(byte[] leaf) throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 0);
            return digest.digest(leaf);
        }

        static byte[] node(byte[] left, byte[] right) throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) 1);
            digest.update(left);
            return digest.digest(right);
        }
    }
}
