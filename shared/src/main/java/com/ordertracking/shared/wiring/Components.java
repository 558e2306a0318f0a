package com.ordertracking.shared.wiring;

import com.ordertracking.shared.adapters.http.sellerwebhook.JdkWebhookSender;
import com.ordertracking.shared.adapters.http.webhook.TrackingIntake;
import com.ordertracking.shared.adapters.messaging.OrderEventPublisher;
import com.ordertracking.shared.adapters.messaging.SnsEmailSubscriptions;
import com.ordertracking.shared.adapters.messaging.SnsMessageSender;
import com.ordertracking.shared.adapters.messaging.TrackingQueue;
import com.ordertracking.shared.adapters.messaging.sellerwebhook.SqsDeliveryQueue;
import com.ordertracking.shared.adapters.persistence.DeliveredCounters;
import com.ordertracking.shared.adapters.persistence.DynamoCouponRepository;
import com.ordertracking.shared.adapters.persistence.DynamoSellerProfiles;
import com.ordertracking.shared.adapters.persistence.DynamoDueOrders;
import com.ordertracking.shared.adapters.persistence.DynamoNotificationLedger;
import com.ordertracking.shared.adapters.persistence.DynamoOrderCommands;
import com.ordertracking.shared.adapters.persistence.DynamoOrderRepository;
import com.ordertracking.shared.adapters.persistence.DynamoPackageRepository;
import com.ordertracking.shared.adapters.persistence.DynamoReturnShipmentRepository;
import com.ordertracking.shared.adapters.persistence.SpendingLedger;
import com.ordertracking.shared.application.spending.SpendingService;
import com.ordertracking.shared.adapters.persistence.DynamoTrackingRepository;
import com.ordertracking.shared.adapters.persistence.PreferencesRepository;
import com.ordertracking.shared.adapters.persistence.sellerwebhook.DynamoWebhookDeliveryRepository;
import com.ordertracking.shared.adapters.persistence.sellerwebhook.DynamoWebhookEndpointRepository;
import com.ordertracking.shared.application.notification.Notifier;
import com.ordertracking.shared.application.notification.PreferencesService;
import com.ordertracking.shared.application.order.BuyerCouponService;
import com.ordertracking.shared.application.order.BuyerOrderService;
import com.ordertracking.shared.application.order.CancellationRequestService;
import com.ordertracking.shared.application.order.CompensationService;
import com.ordertracking.shared.application.order.CouponService;
import com.ordertracking.shared.application.order.FulfilmentService;
import com.ordertracking.shared.application.order.OrderCommands;
import com.ordertracking.shared.application.order.OrderLifecycleService;
import com.ordertracking.shared.application.order.OrderRepository;
import com.ordertracking.shared.application.order.OrderService;
import com.ordertracking.shared.application.order.PackageService;
import com.ordertracking.shared.application.order.ParkedTrackingEvents;
import com.ordertracking.shared.application.order.PartialRefundService;
import com.ordertracking.shared.application.order.ReturnShipmentService;
import com.ordertracking.shared.application.seller.SellerProfileService;
import com.ordertracking.shared.application.seller.ShipFrom;
import com.ordertracking.shared.application.sellerwebhook.DeliveryQueue;
import com.ordertracking.shared.application.sellerwebhook.WebhookDeliveryService;
import com.ordertracking.shared.application.sellerwebhook.WebhookFanOutService;
import com.ordertracking.shared.application.sellerwebhook.WebhookRegistrationService;
import com.ordertracking.shared.application.tracking.DelayMonitor;
import com.ordertracking.shared.application.tracking.ParkedEvents;
import com.ordertracking.shared.application.tracking.ReturnShipmentTracking;
import com.ordertracking.shared.application.tracking.TrackingConfig;
import com.ordertracking.shared.application.tracking.TrackingEventQueue;
import com.ordertracking.shared.application.tracking.TrackingProcessor;
import com.ordertracking.shared.domain.OrderIds;
import com.ordertracking.shared.domain.notification.NotificationTemplates;
import com.ordertracking.shared.domain.sellerwebhook.ReceiverUrlPolicy;
import com.ordertracking.shared.domain.sellerwebhook.RetrySchedule;
import com.ordertracking.shared.domain.tracking.DelayRules;
import com.ordertracking.shared.domain.tracking.TrackingEvent;
import com.ordertracking.shared.domain.tracking.TrackingLinks;
import java.security.SecureRandom;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The composition root: everything a function needs, built from its {@link Settings} once per process and
 * environment. It owns the clock, the configured rules ({@link DelayRules}, {@link TrackingConfig}), the AWS
 * clients and the repositories, each built on first use (a function builds only the clients it needs), and
 * hands out use cases. Handlers' no-arg constructors ask it for theirs:
 * {@code this(Components.fromEnvironment().fulfilment())}.
 *
 * <p>On Lambda a process has one environment. The local runtime hosts every function in one JVM, each with
 * its own environment ({@link FunctionEnvironment}), so instances are kept per environment: a function never
 * sees another's table names, queues or rules.
 */
public final class Components {
    private static final ConcurrentMap<Map<String, String>, Components> BY_ENVIRONMENT = new ConcurrentHashMap<>();

    /** Receiver host names are resolved with the system resolver, at registration and before every attempt. */
    private static final ReceiverUrlPolicy.HostResolver DNS = InetAddress::getAllByName;

    private final Settings settings;
    private final Clock clock;
    private final AwsClients clients;
    private final DelayRules delayRules;
    private final TrackingConfig trackingConfig;
    private final Supplier<DynamoDbClient> dynamoDb;
    private final Supplier<SqsClient> sqs;
    private final Supplier<SnsClient> sns;
    private final Supplier<DynamoOrderRepository> orderRepository;
    private final Supplier<DynamoTrackingRepository> trackingRepository;
    private final Supplier<DynamoPackageRepository> packageRepository;
    private final Supplier<JdkWebhookSender> webhookSender = once(() -> new JdkWebhookSender(JdkWebhookSender.TIMEOUT));
    private final Supplier<SqsDeliveryQueue> webhookDeliveryQueue;
    private final Supplier<TrackingQueue> parkingQueue = once(this::trackingQueue);
    private final SecureRandom random = new SecureRandom();

    /** Built from {@code settings}; rules are read (and checked) at once, clients on first use. */
    public Components(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.clients = new AwsClients(settings);
        this.delayRules = DelayRules.from(settings.values());
        this.trackingConfig = TrackingConfig.from(settings.values());
        this.dynamoDb = once(clients::dynamoDb);
        this.sqs = once(clients::sqs);
        this.sns = once(clients::sns);
        this.orderRepository = once(() -> new DynamoOrderRepository(dynamoDb.get(), ordersTable(), clock, delayRules));
        this.trackingRepository = once(() -> new DynamoTrackingRepository(dynamoDb.get(), ordersTable(), clock, delayRules));
        this.packageRepository = once(() -> new DynamoPackageRepository(dynamoDb.get(), ordersTable(), delayRules));
        this.webhookDeliveryQueue = once(() -> new SqsDeliveryQueue(sqs.get(), settings.required("WEBHOOK_DELIVERIES_QUEUE_URL")));
    }

    /** The components of the active function environment, built on its first request. */
    public static Components fromEnvironment() {
        Settings settings = Settings.fromEnvironment();
        return BY_ENVIRONMENT.computeIfAbsent(settings.values(), values -> new Components(settings, Clock.systemUTC()));
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public DelayRules delayRules() {
        return delayRules;
    }

    public TrackingConfig trackingConfig() {
        return trackingConfig;
    }

    public OrderRepository orderRepository() {
        return orderRepository.get();
    }

    public TrackingLinks trackingLinks() {
        return new TrackingLinks(settings.required("PUBLIC_BASE_URL"), settings.required("TRACKING_LINK_SECRET"));
    }

    // Use cases -------------------------------------------------------------------------------------------

    public OrderService orders() {
        return new OrderService(orderRepository(), coupons(), sellerProfileStore(), deliveredCounters(), clock,
                OrderIds::next);
    }

    public OrderLifecycleService lifecycle() {
        return new OrderLifecycleService(orderRepository(), coupons(), clock);
    }

    /** Releases parked tracking events only where {@code TRACKING_EVENTS_QUEUE_URL} is set (the ship function). */
    public FulfilmentService fulfilment() {
        Optional<ParkedTrackingEvents> parked = settings.optional("TRACKING_EVENTS_QUEUE_URL").map(url -> parkedEvents());
        return new FulfilmentService(orderRepository(), packageRepository.get(), parked,
                new ShipFrom(sellerProfileStore()), clock);
    }

    /** {@code GET|PUT /seller/profile}. */
    public SellerProfileService sellerProfiles() {
        return new SellerProfileService(sellerProfileStore(), clock);
    }

    /** {@code GET /me/coupons}. */
    public BuyerCouponService buyerCoupons() {
        return new BuyerCouponService(coupons(), deliveredCounters(), clock);
    }

    /** Packages: ship, correct, read (issue 11). */
    public PackageService packages() {
        return fulfilment().packages();
    }

    public BuyerOrderService buyerOrders() {
        return new BuyerOrderService(orderRepository(), clock, OrderIds::nextReturnId);
    }

    public SpendingService spending() {
        return new SpendingService(new SpendingLedger(dynamoDb.get(), ordersTable()));
    }

    public CouponService couponService() {
        return new CouponService(coupons(), clock);
    }

    public CompensationService compensations() {
        return new CompensationService(orderRepository(), orderCommands(), clock, CompensationService::newCode);
    }

    /** Buyer cancellation requests and the seller's decisions (issue 12). */
    public CancellationRequestService cancellationRequests() {
        return new CancellationRequestService(orderRepository(), orderCommands(), clock);
    }

    /** Partial refunds (issue 12). */
    public PartialRefundService partialRefunds() {
        return new PartialRefundService(orderRepository(), orderCommands(), clock);
    }

    /** Commands on an order under an {@code Idempotency-Key}: cheap to build (no client of its own). */
    public OrderCommands orderCommands() {
        return new DynamoOrderCommands(dynamoDb.get(), ordersTable(), clock, delayRules);
    }

    public PreferencesService preferences() {
        return new PreferencesService(preferencesRepository(), new SnsEmailSubscriptions(sns,
                settings.optional("BUYER_EMAIL_TOPIC_ARN").orElse(null),
                settings.optional("SELLER_ALERTS_TOPIC_ARN").orElse(null)), clock);
    }

    public TrackingIntake trackingIntake() {
        return new TrackingIntake(trackingConfig, trackingQueue(), clock);
    }

    public TrackingProcessor trackingProcessor() {
        return new TrackingProcessor(orderRepository(), packageRepository.get(), trackingRepository.get(), parkedEvents(),
                clock, delayRules, new ReturnShipmentTracking(orderRepository(), returnShipmentRepository(), returnShipmentRepository(),
                        parkedEvents(), clock));
    }

    /** Attaching return shipments; releases parked tracking events where {@code TRACKING_EVENTS_QUEUE_URL} is set. */
    public ReturnShipmentService returnShipments() {
        Optional<ParkedTrackingEvents> parked = settings.optional("TRACKING_EVENTS_QUEUE_URL").map(url -> parkedEvents());
        return new ReturnShipmentService(orderRepository(), returnShipmentRepository(), parked, clock);
    }

    public DelayMonitor delayMonitor() {
        return new DelayMonitor(new DynamoDueOrders(dynamoDb.get(), ordersTable()), orderRepository(),
                packageRepository.get(), delayRules, clock);
    }

    public Notifier notifier() {
        return new Notifier(new NotificationTemplates(trackingLinks()), preferencesRepository(),
                new DynamoNotificationLedger(dynamoDb.get(), ordersTable(),
                        Duration.ofSeconds(Long.parseLong(settings.get("NOTIFY_CLAIM_TIMEOUT_SECONDS", "60"))), clock),
                new SnsMessageSender(sns.get(), settings.required("BUYER_EMAIL_TOPIC_ARN"),
                        settings.required("SELLER_ALERTS_TOPIC_ARN")));
    }

    public OrderEventPublisher eventPublisher() {
        return new OrderEventPublisher(sns.get(), settings.required("ORDER_EVENTS_TOPIC_ARN"),
                Duration.ofSeconds(Long.parseLong(settings.get("PUBLISH_RETRY_BUDGET_SECONDS", "20"))), clock);
    }

    /** Seller webhooks: register, list, delete, rotate (docs/seller-webhooks.md); {@code WEBHOOK_URL_POLICY}. */
    public WebhookRegistrationService webhookRegistrations() {
        return new WebhookRegistrationService(webhookEndpoints(), webhookUrlPolicy(), DNS,
                random, clock);
    }

    /** One delivery per subscribed endpoint of an event; {@code WEBHOOK_DELIVERIES_QUEUE_URL}. */
    public WebhookFanOutService webhookFanOut() {
        return new WebhookFanOutService(webhookEndpoints(), webhookDeliveryRepository(), webhookDeliveryQueue(), clock);
    }

    /**
     * Attempts, replays and the delivery log; {@code WEBHOOK_RETRY_SCHEDULE_SECONDS} (default the real schedule).
     * The queue and the HTTP client are built on first use: the log route needs neither.
     */
    public WebhookDeliveryService webhookDeliveries() {
        RetrySchedule schedule = settings.optional("WEBHOOK_RETRY_SCHEDULE_SECONDS").map(RetrySchedule::parse)
                .orElse(RetrySchedule.DEFAULT);
        return new WebhookDeliveryService(webhookEndpoints(), webhookDeliveryRepository(), webhookDeliveryQueue(),
                (url, headers, body) -> webhookSender.get().post(url, headers, body), webhookUrlPolicy(),
                DNS, schedule, webhookRegistrations(), clock);
    }

    // Parts -----------------------------------------------------------------------------------------------

    private ReceiverUrlPolicy webhookUrlPolicy() {
        return ReceiverUrlPolicy.ofSetting(settings.get("WEBHOOK_URL_POLICY", "public-only"));
    }

    private DynamoWebhookEndpointRepository webhookEndpoints() {
        return new DynamoWebhookEndpointRepository(dynamoDb.get(), ordersTable());
    }

    private DynamoWebhookDeliveryRepository webhookDeliveryRepository() {
        return new DynamoWebhookDeliveryRepository(dynamoDb.get(), ordersTable());
    }

    private DeliveryQueue webhookDeliveryQueue() {
        return (delivery, delay) -> webhookDeliveryQueue.get().wake(delivery, delay);
    }

    private String ordersTable() {
        return settings.required("ORDERS_TABLE");
    }

    private DynamoCouponRepository coupons() {
        return new DynamoCouponRepository(dynamoDb.get(), ordersTable());
    }

    private DynamoSellerProfiles sellerProfileStore() {
        return new DynamoSellerProfiles(dynamoDb.get(), ordersTable());
    }

    private DeliveredCounters deliveredCounters() {
        return new DeliveredCounters(dynamoDb.get(), ordersTable());
    }

    private PreferencesRepository preferencesRepository() {
        return new PreferencesRepository(dynamoDb.get(), ordersTable());
    }

    private DynamoReturnShipmentRepository returnShipmentRepository() {
        return new DynamoReturnShipmentRepository(dynamoDb.get(), ordersTable(), clock, delayRules);
    }

    private TrackingQueue trackingQueue() {
        return new TrackingQueue(sqs.get(), settings.required("TRACKING_EVENTS_QUEUE_URL"));
    }

    /**
     * Events are parked (sent back to the queue) only when they arrive before their order or package: the SQS client
     * is built on the first such send, not for every processor, ship or return-shipment function that could park.
     */
    private ParkedEvents parkedEvents() {
        settings.required("TRACKING_EVENTS_QUEUE_URL"); // a missing queue still fails the function at start
        return new ParkedEvents(trackingRepository.get(), new TrackingEventQueue() {
            @Override
            public void send(TrackingEvent event) {
                parkingQueue.get().send(event);
            }

            @Override
            public void sendAll(List<TrackingEvent> events) {
                parkingQueue.get().sendAll(events);
            }
        });
    }

    /** A value computed on first use and kept (thread-safe: handlers may be built concurrently locally). */
    private static <T> Supplier<T> once(Supplier<T> factory) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T result = value;
                if (result == null) {
                    synchronized (this) {
                        result = value;
                        if (result == null) {
                            value = result = factory.get();
                        }
                    }
                }
                return result;
            }
        };
    }
}
