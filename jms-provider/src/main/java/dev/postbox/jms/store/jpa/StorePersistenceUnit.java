package dev.postbox.jms.store.jpa;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The store's persistence unit, defined in code so that no {@code persistence.xml} is on the class path
 * (a container would otherwise try to deploy it as an application unit).
 */
final class StorePersistenceUnit implements PersistenceUnitInfo {

    static final String NAME = "postbox-store";

    private final DataSource dataSource;
    private final ClassLoader classLoader;
    private final boolean jta;

    private StorePersistenceUnit(DataSource dataSource, ClassLoader classLoader, boolean jta) {
        this.dataSource = dataSource;
        this.classLoader = classLoader;
        this.jta = jta;
    }

    /** The unit for the store's own resource-local transactions. */
    static StorePersistenceUnit resourceLocal(DataSource dataSource, ClassLoader classLoader) {
        return new StorePersistenceUnit(dataSource, classLoader, false);
    }

    @Override
    public String getPersistenceUnitName() {
        return jta ? NAME + "-jta" : NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return "org.eclipse.persistence.jpa.PersistenceProvider";
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return jta ? PersistenceUnitTransactionType.JTA : PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return jta ? dataSource : null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return jta ? null : dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return StorePersistenceUnit.class.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    public List<String> getManagedClassNames() {
        return List.of(DestinationEntity.class.getName(), MessageEntity.class.getName(), NodeEntity.class.getName(),
                SubscriptionConsumerEntity.class.getName());
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // Weaving is disabled (eclipselink.weaving=false): no transformer is ever registered.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }
}
