// JSON schemas for the operators' custom resources Parley uses, written for this validator (no npm
// package bundles them). They follow the operators' published CRDs for the fields Parley sets and are
// strict (additionalProperties: false) wherever they list fields, so a misspelt or misplaced field
// fails here as it would against the cluster's CRD. A field the operator supports but Parley does not
// use yet may be missing: add it here when you first use it.
//   Strimzi 0.47+ (kafka.strimzi.io/v1beta2), CloudNativePG 1.26+ (postgresql.cnpg.io/v1),
//   Barman Cloud plugin 0.5+ (barmancloud.cnpg.io/v1), Keycloak operator 26.x (k8s.keycloak.org).

const str = { type: 'string', minLength: 1 };
const bool = { type: 'boolean' };
const int = (minimum = 0, maximum) => ({ type: 'integer', minimum, ...(maximum ? { maximum } : {}) });
const quantity = {
  anyOf: [{ type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$' }, { type: 'number' }],
};
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
const anyObject = { type: 'object' };
const obj = (properties, required = []) => ({ type: 'object', properties, required, additionalProperties: false });
const arrayOf = (items, minItems = 0) => ({ type: 'array', items, minItems });
const oneOfValues = (...values) => ({ enum: values });

const resources = obj({
  requests: obj({ cpu: quantity, memory: quantity, 'ephemeral-storage': quantity }),
  limits: obj({ cpu: quantity, memory: quantity, 'ephemeral-storage': quantity }),
});
const secretKeyRef = obj({ name: str, key: str }, ['name', 'key']);
const metadata = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: str,
    labels: stringMap,
    annotations: stringMap,
  },
  required: ['name'],
  additionalProperties: false,
};
const resource = (apiVersion, kind, spec) =>
  obj({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec }, ['apiVersion', 'kind', 'metadata', 'spec']);

// --- Strimzi ----------------------------------------------------------------------------------------
const strimziVolume = obj(
  {
    id: int(0),
    type: oneOfValues('ephemeral', 'persistent-claim'),
    size: quantity,
    class: str,
    deleteClaim: bool,
    kraftMetadata: oneOfValues('shared'),
    selector: stringMap,
    overrides: arrayOf(anyObject),
  },
  ['type'],
);
const strimziStorage = {
  oneOf: [
    obj({ type: { const: 'jbod' }, volumes: arrayOf(strimziVolume, 1) }, ['type', 'volumes']),
    strimziVolume,
  ],
};
const jvmOptions = obj({
  '-Xms': str,
  '-Xmx': str,
  '-XX': stringMap,
  gcLoggingEnabled: bool,
  javaSystemProperties: arrayOf(obj({ name: str, value: { type: 'string' } })),
});
const listener = obj(
  {
    name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
    port: int(9092, 65535),
    type: oneOfValues('internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'),
    tls: bool,
    authentication: {
      type: 'object',
      properties: { type: oneOfValues('tls', 'scram-sha-512', 'oauth', 'custom') },
      required: ['type'],
    },
    configuration: anyObject,
    networkPolicyPeers: arrayOf(anyObject),
  },
  ['name', 'port', 'type', 'tls'],
);
const kafkaExporter = obj({
  topicRegex: str,
  groupRegex: str,
  topicExcludeRegex: str,
  groupExcludeRegex: str,
  resources,
  logging: str,
  enableSaramaLogging: bool,
  showAllOffsets: bool,
  template: anyObject,
});
const entityOperatorPart = obj({
  watchedNamespace: str,
  reconciliationIntervalMs: int(0),
  resources,
  jvmOptions,
  logging: anyObject,
});
const aclOperation = oneOfValues(
  'Read', 'Write', 'Create', 'Delete', 'Alter', 'Describe', 'ClusterAction', 'AlterConfigs',
  'DescribeConfigs', 'IdempotentWrite', 'All',
);

// --- CloudNativePG -------------------------------------------------------------------------------
const localRef = obj({ name: str }, ['name']);
const pvc = obj({ size: quantity, storageClass: str, resizeInUseVolumes: bool, pvcTemplate: anyObject });
const barmanConfiguration = obj(
  {
    destinationPath: { type: 'string', pattern: '^(s3|gs|https?)://' },
    endpointURL: str,
    endpointCA: secretKeyRef,
    serverName: str,
    s3Credentials: obj({
      accessKeyId: secretKeyRef,
      secretAccessKey: secretKeyRef,
      region: secretKeyRef,
      sessionToken: secretKeyRef,
      inheritFromIAMRole: bool,
    }),
    azureCredentials: anyObject,
    googleCredentials: anyObject,
    wal: obj({
      compression: oneOfValues('bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd'),
      encryption: oneOfValues('AES256', 'aws:kms'),
      maxParallel: int(1),
      archiveAdditionalCommandArgs: arrayOf(str),
      restoreAdditionalCommandArgs: arrayOf(str),
    }),
    data: obj({
      compression: oneOfValues('bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd'),
      encryption: oneOfValues('AES256', 'aws:kms'),
      jobs: int(1),
      immediateCheckpoint: bool,
      additionalCommandArgs: arrayOf(str),
    }),
    tags: stringMap,
    historyTags: stringMap,
  },
  ['destinationPath'],
);

// --- Keycloak ------------------------------------------------------------------------------------
const keycloakSecretSelector = obj({ name: str, key: str, optional: bool }, ['name']);
const networkPeers = arrayOf(anyObject);

export const schemas = {
  'kafka.strimzi.io/v1beta2/KafkaNodePool': resource(
    'kafka.strimzi.io/v1beta2',
    'KafkaNodePool',
    obj(
      {
        replicas: int(0),
        roles: { ...arrayOf(oneOfValues('controller', 'broker'), 1), uniqueItems: true },
        storage: strimziStorage,
        resources,
        jvmOptions,
        template: anyObject,
      },
      ['replicas', 'roles', 'storage'],
    ),
  ),
  'kafka.strimzi.io/v1beta2/Kafka': resource(
    'kafka.strimzi.io/v1beta2',
    'Kafka',
    obj(
      {
        kafka: obj(
          {
            version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' },
            metadataVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+(-IV[0-9]+)?$' },
            listeners: arrayOf(listener, 1),
            authorization: {
              type: 'object',
              properties: { type: oneOfValues('simple', 'keycloak', 'custom'), superUsers: arrayOf(str) },
              required: ['type'],
              additionalProperties: false,
            },
            rack: obj({ topologyKey: str }, ['topologyKey']),
            config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
            metricsConfig: anyObject,
            logging: anyObject,
            template: anyObject,
            jvmOptions,
            brokerRackInitImage: str,
            image: str,
            quotas: anyObject,
          },
          ['listeners'],
        ),
        entityOperator: obj({ topicOperator: entityOperatorPart, userOperator: entityOperatorPart, template: anyObject }),
        kafkaExporter,
        cruiseControl: anyObject,
        clusterCa: anyObject,
        clientsCa: anyObject,
        maintenanceTimeWindows: arrayOf(str),
      },
      ['kafka'],
    ),
  ),
  'kafka.strimzi.io/v1beta2/KafkaTopic': resource(
    'kafka.strimzi.io/v1beta2',
    'KafkaTopic',
    obj({
      partitions: int(1),
      replicas: int(1, 32767),
      config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      topicName: str,
    }),
  ),
  'kafka.strimzi.io/v1beta2/KafkaUser': resource(
    'kafka.strimzi.io/v1beta2',
    'KafkaUser',
    obj({
      authentication: {
        type: 'object',
        properties: { type: oneOfValues('tls', 'tls-external', 'scram-sha-512'), password: anyObject },
        required: ['type'],
        additionalProperties: false,
      },
      authorization: obj(
        {
          type: { const: 'simple' },
          acls: arrayOf(
            obj(
              {
                resource: obj(
                  {
                    type: oneOfValues('topic', 'group', 'cluster', 'transactionalId'),
                    name: str,
                    patternType: oneOfValues('literal', 'prefix'),
                  },
                  ['type'],
                ),
                type: oneOfValues('allow', 'deny'),
                operations: { ...arrayOf(aclOperation, 1), uniqueItems: true },
                host: str,
              },
              ['resource', 'operations'],
            ),
          ),
        },
        ['type'],
      ),
      quotas: anyObject,
      template: anyObject,
    }),
  ),

  'postgresql.cnpg.io/v1/Cluster': resource(
    'postgresql.cnpg.io/v1',
    'Cluster',
    obj(
      {
        description: str,
        instances: int(1),
        imageName: str,
        imageCatalogRef: anyObject,
        primaryUpdateStrategy: oneOfValues('unsupervised', 'supervised'),
        primaryUpdateMethod: oneOfValues('switchover', 'restart'),
        enableSuperuserAccess: bool,
        superuserSecret: localRef,
        bootstrap: obj({
          initdb: obj({
            database: str,
            owner: str,
            secret: localRef,
            dataChecksums: bool,
            encoding: str,
            localeCollate: str,
            localeCType: str,
            walSegmentSize: int(1),
            options: arrayOf(str),
            postInitSQL: arrayOf(str),
            postInitApplicationSQL: arrayOf(str),
            postInitTemplateSQL: arrayOf(str),
          }),
          recovery: anyObject,
          pg_basebackup: anyObject,
        }),
        storage: pvc,
        walStorage: pvc,
        postgresql: obj({
          // map[string]string in the CRD: numbers must be quoted.
          parameters: stringMap,
          pg_hba: arrayOf(str),
          pg_ident: arrayOf(str),
          shared_preload_libraries: arrayOf(str),
          synchronous: anyObject,
          ldap: anyObject,
        }),
        affinity: obj({
          enablePodAntiAffinity: bool,
          topologyKey: str,
          podAntiAffinityType: oneOfValues('preferred', 'required'),
          nodeSelector: stringMap,
          tolerations: arrayOf(anyObject),
          nodeAffinity: anyObject,
          additionalPodAffinity: anyObject,
          additionalPodAntiAffinity: anyObject,
        }),
        resources,
        plugins: arrayOf(
          obj({ name: str, enabled: bool, isWALArchiver: bool, parameters: stringMap }, ['name']),
        ),
        backup: anyObject,
        externalClusters: arrayOf(anyObject),
        managed: anyObject,
        monitoring: anyObject,
        certificates: anyObject,
        env: arrayOf(anyObject),
        logLevel: oneOfValues('error', 'warning', 'info', 'debug', 'trace'),
        minSyncReplicas: int(0),
        maxSyncReplicas: int(0),
        startDelay: int(1),
        stopDelay: int(1),
        smartShutdownTimeout: int(0),
        switchoverDelay: int(0),
        failoverDelay: int(0),
        priorityClassName: str,
        topologySpreadConstraints: arrayOf(anyObject),
        inheritedMetadata: obj({ labels: stringMap, annotations: stringMap }),
      },
      ['instances'],
    ),
  ),
  'postgresql.cnpg.io/v1/ScheduledBackup': resource(
    'postgresql.cnpg.io/v1',
    'ScheduledBackup',
    obj(
      {
        // Six fields, seconds first.
        schedule: { type: 'string', pattern: '^\\S+( \\S+){5}$' },
        cluster: localRef,
        immediate: bool,
        suspend: bool,
        backupOwnerReference: oneOfValues('none', 'self', 'cluster'),
        method: oneOfValues('barmanObjectStore', 'volumeSnapshot', 'plugin'),
        pluginConfiguration: obj({ name: str, parameters: stringMap }, ['name']),
        target: oneOfValues('primary', 'prefer-standby'),
        online: bool,
        onlineConfiguration: anyObject,
      },
      ['schedule', 'cluster'],
    ),
  ),
  'barmancloud.cnpg.io/v1/ObjectStore': resource(
    'barmancloud.cnpg.io/v1',
    'ObjectStore',
    obj(
      {
        configuration: barmanConfiguration,
        retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
        instanceSidecarConfiguration: anyObject,
      },
      ['configuration'],
    ),
  ),

  'k8s.keycloak.org/v2beta1/Keycloak': resource(
    'k8s.keycloak.org/v2beta1',
    'Keycloak',
    obj({
      instances: int(1),
      image: str,
      imagePullSecrets: arrayOf(anyObject),
      startOptimized: bool,
      db: obj(
        {
          vendor: oneOfValues('postgres', 'mysql', 'mariadb', 'mssql', 'oracle', 'dev-file'),
          host: str,
          port: int(1, 65535),
          database: str,
          schema: str,
          url: str,
          usernameSecret: secretKeyRef,
          passwordSecret: secretKeyRef,
          poolInitialSize: int(0),
          poolMinSize: int(0),
          poolMaxSize: int(1),
        },
        ['vendor'],
      ),
      http: obj({
        httpEnabled: bool,
        httpPort: int(1, 65535),
        httpsPort: int(1, 65535),
        tlsSecret: str,
        annotations: stringMap,
        labels: stringMap,
      }),
      httpManagement: obj({ port: int(1, 65535) }),
      hostname: obj({ hostname: str, admin: str, strict: bool, backchannelDynamic: bool }),
      proxy: obj({ headers: oneOfValues('forwarded', 'xforwarded') }),
      bootstrapAdmin: obj({ user: obj({ secret: str }), service: obj({ secret: str }) }),
      ingress: obj({ enabled: bool, className: str, annotations: stringMap, labels: stringMap, tlsSecret: str }),
      networkPolicy: obj({ enabled: bool, http: networkPeers, https: networkPeers, management: networkPeers }),
      additionalOptions: arrayOf(
        {
          type: 'object',
          properties: { name: str, value: { type: 'string' }, secret: keycloakSecretSelector },
          required: ['name'],
          additionalProperties: false,
          oneOf: [{ required: ['value'] }, { required: ['secret'] }],
        },
      ),
      features: obj({ enabled: arrayOf(str), disabled: arrayOf(str) }),
      transaction: obj({ xaEnabled: bool }),
      truststores: anyObject,
      cache: anyObject,
      resources,
      scheduling: anyObject,
      unsupported: anyObject,
      livenessProbe: anyObject,
      readinessProbe: anyObject,
      startupProbe: anyObject,
      serviceMonitor: anyObject,
      tracing: anyObject,
      update: anyObject,
      env: arrayOf(anyObject),
    }),
  ),
  'k8s.keycloak.org/v2alpha1/KeycloakRealmImport': resource(
    'k8s.keycloak.org/v2alpha1',
    'KeycloakRealmImport',
    obj(
      {
        keycloakCRName: str,
        realm: { type: 'object', properties: { realm: str, enabled: bool }, required: ['realm'] },
        resources,
        placeholders: {
          type: 'object',
          propertyNames: { pattern: '^[A-Z_][A-Z0-9_]*$' },
          additionalProperties: obj({ secret: secretKeyRef }, ['secret']),
        },
      },
      ['keycloakCRName', 'realm'],
    ),
  ),

  'kustomize.config.k8s.io/v1beta1/Kustomization': obj(
    {
      apiVersion: { const: 'kustomize.config.k8s.io/v1beta1' },
      kind: { const: 'Kustomization' },
      namespace: str,
      namePrefix: str,
      nameSuffix: str,
      resources: arrayOf(str, 1),
      components: arrayOf(str),
      labels: arrayOf(
        obj({ pairs: stringMap, includeSelectors: bool, includeTemplates: bool, fields: arrayOf(anyObject) }, ['pairs']),
      ),
      commonLabels: stringMap,
      commonAnnotations: stringMap,
      images: arrayOf(obj({ name: str, newName: str, newTag: str, digest: str }, ['name'])),
      patches: arrayOf(anyObject),
      replicas: arrayOf(obj({ name: str, count: int(0) }, ['name', 'count'])),
      configMapGenerator: arrayOf(anyObject),
      secretGenerator: arrayOf(anyObject),
    },
    ['apiVersion', 'kind', 'resources'],
  ),
};

// Broker settings Strimzi manages itself; setting them under spec.kafka.config is ignored or refused.
export const strimziForbiddenConfigPrefixes = [
  'listeners', 'advertised.', 'broker.', 'listener.', 'host.name', 'port', 'inter.broker.listener.name',
  'sasl.', 'ssl.', 'security.', 'password.', 'log.dir', 'zookeeper.', 'authorizer.', 'super.user',
  'cruise.control.metrics.topic', 'cruise.control.metrics.reporter.bootstrap.servers', 'node.id',
  'process.roles', 'controller.', 'metadata.log.dir',
];
