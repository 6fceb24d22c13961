package org.trex.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.network.TransportContext;
import org.apache.spark.network.client.TransportClient;
import org.apache.spark.network.client.TransportClientBootstrap;
import org.apache.spark.network.client.TransportClientFactory;
import org.apache.spark.network.crypto.AuthClientBootstrap;
import org.apache.spark.network.sasl.SecretKeyHolder;
import org.apache.spark.network.server.NoOpRpcHandler;
import org.apache.spark.network.shuffle.protocol.BlockTransferMessage;
import org.apache.spark.network.shuffle.protocol.OpenBlocks;
import org.apache.spark.network.shuffle.protocol.StreamHandle;
import org.apache.spark.network.util.MapConfigProvider;
import org.apache.spark.network.util.TransportConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.trex.pseudonym.IdentifierKind;
import org.trex.pseudonym.PseudonymKey;
import org.trex.testing.TestSpark;

/**
 * Another user of the machine who connects to a run's block manager, as Spark's own client does, cannot
 * fetch its broadcast blocks (where task closures, so the pseudonymisation key, and the exclusion lists
 * travel): the port asks for the run's secret. A client that holds the secret fetches the same block, so
 * the refusal is the authentication and not a wrong port or block.
 */
class SparkPortsRefuseStrangersTest {
    @Test
    void aClientWithoutTheSecretCannotOpenABroadcastBlock() throws Exception {
        SparkSession spark = TestSpark.session();
        PseudonymKey key = PseudonymKey.fromHex("5e".repeat(32), "test");
        // A job whose closure carries the key, as a run's does.
        assertThat(spark.range(4).select(new PseudonymFunction(IdentifierKind.NHS_NUMBER, key)
                .apply(col("id").cast("string"))).collectAsList()).hasSize(4);
        Broadcast<String> held = spark.sparkContext().broadcast("opted-out list",
                scala.reflect.ClassTag$.MODULE$.apply(String.class));
        int port = SparkEnv.get().blockManager().blockTransferService().port();
        ByteBuffer open = new OpenBlocks(spark.sparkContext().applicationId(), "driver",
                new String[] {"broadcast_" + held.id() + "_piece0"}).toByteBuffer();
        try {
            assertThatThrownBy(() -> openBlock(port, open, Optional.empty()))
                    .as("an unauthenticated client is refused").isInstanceOf(RuntimeException.class);

            BlockTransferMessage answer = openBlock(port, open, Optional.of(SparkEnv.get().securityManager()));
            assertThat(answer).isInstanceOfSatisfying(StreamHandle.class, h -> assertThat(h.numChunks).isEqualTo(1));
        } finally {
            held.destroy();
        }
    }

    @Test
    void aStandaloneClusterWithoutItsSecretIsRefused() {
        assertThatThrownBy(() -> SparkSecret.settings("spark://127.0.0.1:7077", Map.of()))
                .hasMessage("Cannot start Spark on spark://127.0.0.1:7077: the cluster's spark.authenticate.secret is "
                        + "not given; set TREX_SPARK_SECRET_FILE to an owner-only file holding it (the same secret the "
                        + "master and workers have)");
        assertThat(SparkSecret.settings("local[2]", Map.of())).containsEntry("spark.authenticate", "true")
                .containsEntry("spark.network.crypto.enabled", "true");
        assertThat(SparkSecret.settings("local-cluster[2,1,1024]", Map.of()).get(SparkSecret.SECRET))
                .as("a fresh secret per session").hasSize(64)
                .isNotEqualTo(SparkSecret.settings("local-cluster[2,1,1024]", Map.of()).get(SparkSecret.SECRET));
    }

    /** Spark's own block client, authenticating with {@code secret} when given, as an executor does. */
    private static BlockTransferMessage openBlock(int port, ByteBuffer open, Optional<SecretKeyHolder> secret)
            throws Exception {
        TransportConf conf = new TransportConf("shuffle", new MapConfigProvider(
                secret.isPresent() ? Map.of("spark.network.crypto.enabled", "true") : Map.of()));
        List<TransportClientBootstrap> bootstraps = secret
                .<TransportClientBootstrap>map(s -> new AuthClientBootstrap(conf, SparkEnv.get().conf().getAppId(), s))
                .stream().toList();
        try (TransportContext context = new TransportContext(conf, new NoOpRpcHandler());
                TransportClientFactory factory = context.createClientFactory(bootstraps)) {
            TransportClient client = factory.createClient("127.0.0.1", port);
            return BlockTransferMessage.Decoder.fromByteBuffer(client.sendRpcSync(open.duplicate(), 10_000));
        }
    }
}
