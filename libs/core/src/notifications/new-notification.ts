/** Inserting notices lives with the notifications repository; the services that tell people import it from here. */
export { insertNotifications } from '@app/dal';
export type { CreatedNotification, NewNotification } from '@app/dal';
